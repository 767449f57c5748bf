// The figure viewer (figure/index.html#ID): a figure's details, read from the one data file of the few
// that holds them (figure/shard-N.js, N a hash of the id, as site.py's shard_of computes it), so a site of
// 1M figures needs no page per figure. Writes data-shown on #figure once the figure is drawn.
(function () {
  'use strict';
  var shards = JSON.parse(document.getElementById('figure-shards').textContent).shards;
  var box = document.getElementById('figure');
  var heading = document.querySelector('h1');
  var loaded = {}, requested = {};

  function shardOf(id) {  // FNV-1a, 32 bits, of the id's UTF-8
    var bytes = new TextEncoder().encode(id), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0; }
    return h % shards;
  }

  function note(cls, text) {
    var p = document.createElement('p');
    p.className = cls; p.textContent = text;
    box.replaceChildren(p);
  }

  function show() {
    var id = decodeURIComponent(location.hash.replace(/^#/, ''));
    if (!id) { note('note', 'No figure named: open a figure from a mark or a row of any page.'); return; }
    var shard = shardOf(id);
    if (!(shard in loaded)) {
      if (!requested[shard]) {
        requested[shard] = true;
        var script = document.createElement('script');
        script.src = 'shard-' + shard + '.js';
        document.body.appendChild(script);
      }
      return;  // clusterdwFigures calls show again once the file is read
    }
    heading.textContent = 'Figure ' + id;
    document.title = 'Figure ' + id;
    if (Object.prototype.hasOwnProperty.call(loaded[shard], id)) {
      box.innerHTML = loaded[shard][id];  // HTML built by site.py, every value escaped there
    } else {
      note('warn', 'Figure ' + id + ' has no details in this site: no page links to it. ' +
           'Find it in the Parquet export (figures_wide.parquet) or the warehouse.');
    }
    box.dataset.shown = id;
  }

  window.clusterdwFigures = function (shard, figures) { loaded[shard] = figures; show(); };
  window.addEventListener('hashchange', show);
  show();
})();
