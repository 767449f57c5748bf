// The site's one script: filters kept in the URL's hash, charts and the table redrawn from the same
// filtered rows, sortable tables, CSV download. Reads the page's data from <script id="page-data">.
// Writes data-charts-rendered / data-charts-expected on <body> and data-rows-shown on the table,
// so a headless browser's DOM tells whether the page worked.
(function () {
  'use strict';
  var page = JSON.parse(document.getElementById('page-data').textContent);
  var filters = page.filters || [];
  var tables = page.tables || [];
  var charts = page.charts || [];
  var sorts = tables.map(function () { return {key: null, dir: 1}; });
  var SHOWN_CAP = 1000;  // rows put in the DOM at most; the CSV has every filtered row

  function stateFromHash() {
    var state = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (part) {
      if (!part) { return; }
      var kv = part.split('=');
      state[decodeURIComponent(kv[0])] = decodeURIComponent(kv.slice(1).join('='));
    });
    filters.forEach(function (f) {
      if (!(f.key in state) && page.defaults && page.defaults[f.key] !== undefined) { state[f.key] = page.defaults[f.key]; }
    });
    return state;
  }

  function hashFromState(state) {
    return filters.filter(function (f) { return state[f.key]; }).map(function (f) {
      return encodeURIComponent(f.key) + '=' + encodeURIComponent(state[f.key]);
    }).join('&');
  }

  function keep(row, state) {
    for (var i = 0; i < filters.length; i++) {
      var key = filters[i].key, wanted = state[key];
      // a row without the field (a map tile, an empty grid cell) is never filtered; a null value is no match
      if (wanted && Object.prototype.hasOwnProperty.call(row, key) && (row[key] === null || String(row[key]) !== wanted)) {
        return false;
      }
    }
    return true;
  }

  function allRows() {
    var rows = [];
    tables.forEach(function (t) { rows = rows.concat(t.rows); });
    charts.forEach(function (c) {
      Object.keys(c.spec.datasets || {}).forEach(function (name) { rows = rows.concat(c.spec.datasets[name]); });
    });
    return rows;
  }

  function buildFilters(state) {
    var box = document.getElementById('filters');
    if (!box || !filters.length) { return; }
    var rows = allRows();
    filters.forEach(function (f) {
      var values = {};
      rows.forEach(function (r) { if (r[f.key] !== undefined && r[f.key] !== null) { values[String(r[f.key])] = true; } });
      var label = document.createElement('label');
      label.appendChild(document.createTextNode(f.label));
      var select = document.createElement('select');
      select.name = f.key;
      select.id = 'filter-' + f.key;
      var any = document.createElement('option');
      any.value = ''; any.textContent = '(all)';
      select.appendChild(any);
      Object.keys(values).sort(f.numeric ? function (a, b) { return Number(a) - Number(b); } : undefined)
        .forEach(function (v) {
          var option = document.createElement('option');
          option.value = v; option.textContent = v;
          select.appendChild(option);
        });
      select.value = state[f.key] || '';
      select.addEventListener('change', function () {
        var next = stateFromHash();
        next[f.key] = select.value;
        location.hash = hashFromState(next);  // hashchange redraws
      });
      label.appendChild(select);
      box.appendChild(label);
    });
  }

  function drawCharts(state) {
    if (!charts.length) { document.body.dataset.chartsRendered = '0'; document.body.dataset.chartsExpected = '0'; return; }
    var drawn = 0;
    document.body.dataset.chartsRendered = '';
    var pending = charts.map(function (c) {
      var spec = JSON.parse(JSON.stringify(c.spec));
      Object.keys(spec.datasets || {}).forEach(function (name) {
        spec.datasets[name] = spec.datasets[name].filter(function (r) { return keep(r, state); });
      });
      return vegaEmbed('#' + c.id, spec, {renderer: 'svg', actions: false}).then(function () { drawn += 1; });
    });
    Promise.allSettled(pending).then(function (results) {
      results.forEach(function (r) { if (r.status === 'rejected') { console.error('chart failed: ' + r.reason); } });
      document.body.dataset.chartsRendered = String(drawn);
      document.body.dataset.chartsExpected = String(charts.length);
    });
  }

  function compare(a, b) {
    if (a === null || a === undefined) { return b === null || b === undefined ? 0 : 1; }
    if (b === null || b === undefined) { return -1; }
    if (typeof a === 'number' && typeof b === 'number') { return a - b; }
    return String(a).localeCompare(String(b), 'zh-Hans-CN');
  }

  function shownRows(i, state) {
    var table = tables[i], sort = sorts[i];
    var rows = table.rows.filter(function (r) { return keep(r, state); });
    if (sort.key) {
      rows.sort(function (a, b) { return sort.dir * compare(a[sort.key], b[sort.key]); });
    }
    return rows;
  }

  // a link template: {field} is replaced by the row's value, URL-encoded
  function fill(template, row) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return encodeURIComponent(text(row[key])); });
  }

  function text(value) { return value === null || value === undefined ? '' : String(value); }

  function drawTable(i, state) {
    var table = tables[i], sortState = sorts[i];
    var holder = document.getElementById(table.id);
    if (!holder) { return; }
    var rows = shownRows(i, state);
    var el = document.createElement('table');
    el.className = 'sortable';
    el.dataset.rowsShown = String(rows.length);
    var head = el.createTHead().insertRow();
    table.columns.forEach(function (col) {
      var th = document.createElement('th');
      th.textContent = col.label;
      th.dataset.key = col.key;
      if (sortState.key === col.key) { th.setAttribute('aria-sort', sortState.dir > 0 ? 'ascending' : 'descending'); }
      th.addEventListener('click', function () {
        sortState.dir = sortState.key === col.key ? -sortState.dir : 1;
        sortState.key = col.key;
        drawTable(i, stateFromHash());
      });
      head.appendChild(th);
    });
    var body = el.createTBody();
    rows.slice(0, SHOWN_CAP).forEach(function (row) {
      var tr = body.insertRow();
      table.columns.forEach(function (col) {
        var td = tr.insertCell();
        if (typeof row[col.key] === 'number') { td.className = 'num'; }
        var href = row[col.key + '_href'] || (col.href ? fill(col.href, row) : null);
        if (href) {
          var a = document.createElement('a');
          a.href = href; a.textContent = text(row[col.key]);
          td.appendChild(a);
        } else {
          td.textContent = text(row[col.key]);
        }
      });
    });
    holder.querySelector('.rows').replaceChildren(el);
    holder.querySelector('.count').textContent = rows.length + ' of ' + table.rows.length + ' rows shown' +
      (rows.length > SHOWN_CAP ? ' (the first ' + SHOWN_CAP + ' here; all in the CSV)' : '') +
      (table.more ? ' (' + table.more + ')' : '');
  }

  function csvCell(value) {
    var s = text(value);
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function downloadCsv(i) {
    var table = tables[i];
    var rows = shownRows(i, stateFromHash());
    var lines = [table.columns.map(function (c) { return csvCell(c.label); }).join(',')];
    rows.forEach(function (r) { lines.push(table.columns.map(function (c) { return csvCell(r[c.key]); }).join(',')); });
    var blob = new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], {type: 'text/csv;charset=utf-8'});
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = (table.name || 'rows') + '.csv';
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  function redraw() {
    var state = stateFromHash();
    filters.forEach(function (f) {
      var select = document.getElementById('filter-' + f.key);
      if (select) { select.value = state[f.key] || ''; }
    });
    drawCharts(state);
    tables.forEach(function (t, i) { drawTable(i, state); });
  }

  buildFilters(stateFromHash());
  tables.forEach(function (t, i) {
    var holder = document.getElementById(t.id);
    if (holder) { holder.querySelector('button.csv').addEventListener('click', function () { downloadCsv(i); }); }
  });
  window.addEventListener('hashchange', redraw);
  redraw();
})();
