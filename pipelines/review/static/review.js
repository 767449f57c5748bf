// The review page: the document with every figure's evidence marked, the rows beside it, one decision
// per keystroke. Every action goes through an outbox kept in localStorage until the server has saved
// it, so a closed tab or a killed server loses nothing: the page resends what was not answered.
"use strict";

const COLUMNS = ["place", "cluster", "enterprise", "subject", "metric_code", "rate_of_metric_code",
  "period_start_year", "period_end_year", "period_start_month", "period_end_month", "period_kind", "value",
  "unit", "status", "qualifier", "evidence", "is_year_inferred", "note"];
const CHOICE_COLUMNS = ["place", "cluster", "metric_code", "rate_of_metric_code", "unit", "status", "qualifier",
  "period_kind", "is_year_inferred"];
const DOC_COLUMNS = ["title", "publisher", "published", "script", "notes"];

let S = null;          // the server's state
let TEXT = "";         // the document
let token = "";
let outbox = [];
let flushing = false;
let outboxKey = "";

const $ = (sel) => document.querySelector(sel);
const esc = (s) => String(s ?? "").replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]));

function setStatus(state, text) {
  const el = $("#status");
  el.dataset.state = state;
  el.textContent = text;
}

function say(html, kind) {
  $("#messages").innerHTML = html ? `<div class="${kind || "error"}">${html}</div>` : "";
}

async function getJSON(path) {
  const r = await fetch(path, {cache: "no-store"});
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return r.json();
}

async function post(path, body) {
  const r = await fetch(path, {method: "POST", headers: {"Content-Type": "application/json", "X-Review-Token": token},
    body: JSON.stringify(body)});
  let payload = {};
  try { payload = await r.json(); } catch (e) { /* no body */ }
  return {status: r.status, payload};
}

function newId() {
  return (self.crypto && crypto.randomUUID) ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

function saveOutbox() { localStorage.setItem(outboxKey, JSON.stringify(outbox)); }

function enqueue(action) {
  action.id = newId();
  outbox.push(action);
  saveOutbox();
  flush();
}

async function flush() {
  if (flushing) return;
  flushing = true;
  setStatus("saving", `saving (${outbox.length})…`);
  try {
    while (outbox.length) {
      let answer;
      try {
        answer = await post("/api/action", outbox[0]);
      } catch (e) {  // the server is gone (killed, restarting): keep the action, try again
        setStatus("offline", `not saved yet: server unreachable, retrying (${outbox.length} waiting)`);
        flushing = false;
        setTimeout(flush, 1000);
        return;
      }
      if (answer.status === 403) {  // a restarted server has a new token
        const fresh = await getJSON("/api/state");
        token = fresh.token;
        continue;
      }
      const done = outbox.shift();
      saveOutbox();
      if (answer.status !== 200) {
        const p = answer.payload;
        say(`${esc(done.kind)} refused: ${esc(p.why || answer.status)}` +
            (p.problems ? "<ul>" + p.problems.map((x) => `<li>${esc(x)}</li>`).join("") + "</ul>" : ""));
      }
    }
    await refresh();
    setStatus("saved", "saved");
  } finally {
    flushing = false;
  }
}

async function refresh() {
  S = await getJSON("/api/state");
  token = S.token;
  render();
}

// --- the document, with the evidence of every row marked -------------------------------------------

function spanOf(row) {
  const ev = row.fields.evidence;
  if (!ev) return null;
  let at = -1;
  if (row.offset != null) {  // an added row: its own occurrence (offset counts code points)
    const units = Array.from(TEXT).slice(0, row.offset).join("").length;
    at = TEXT.indexOf(ev, Math.max(0, units - ev.length));
  }
  if (at < 0) at = TEXT.indexOf(ev);
  return at < 0 ? null : [at, at + ev.length];
}

function renderDocument() {
  const cuts = new Set([0, TEXT.length]);
  const spans = [];
  for (const row of S.rows) {
    const span = spanOf(row);
    if (span) { spans.push([span, row]); cuts.add(span[0]); cuts.add(span[1]); }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const current = S.rows[S.cursor] ? S.rows[S.cursor].key : null;
  let html = "";
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const over = spans.filter(([s]) => s[0] <= a && b <= s[1]).map(([, r]) => r);
    const piece = esc(TEXT.slice(a, b));
    if (!over.length) { html += piece; continue; }
    const keys = over.map((r) => r.key);
    const cls = ["ev"];
    if (keys.includes(current)) cls.push("current");
    if (over.every((r) => r.decision === "rejected")) cls.push("rejected");
    else if (over.some((r) => r.decision === "accepted")) cls.push("accepted");
    html += `<mark class="${cls.join(" ")}" data-keys="${keys.join(" ")}">${piece}</mark>`;
  }
  $("#doc").innerHTML = html;
}

// --- the rows ---------------------------------------------------------------------------------------

function summaryOf(row) {
  const f = row.fields;
  const years = f.period_start_year === f.period_end_year ? f.period_start_year : `${f.period_start_year}–${f.period_end_year}`;
  return `<b>${esc(f.figure_id)}</b> ${esc(f.value)} ${esc(f.unit)} · ${esc(f.metric_code)} · ${esc(f.place)}` +
    `${f.cluster ? " · " + esc(f.cluster) : ""} · ${esc(years || "no year")} ${esc(f.period_kind)} · ${esc(f.status)}`;
}

function offers(problems) {
  // The load's messages name the file that takes a new name and the row to add: offer each such row.
  const found = [];
  for (const p of problems) {
    for (const m of p.matchAll(/raw\/reference\/([a-z_]+\.csv): ([^;()]+?)(?=;| \(also|$)/g)) {
      if (!found.some(([f, l]) => f === m[1] && l === m[2])) found.push([m[1], m[2].trim()]);
    }
  }
  return found.map(([file, line], i) => `<div class="offer">add to raw/reference/${esc(file)}:
    <input data-file="${esc(file)}" id="offer-${i}" value="${esc(line)}"> <button data-offer="${i}">add row</button></div>`).join("");
}

function renderRows() {
  const parts = [];
  S.rows.forEach((row, index) => {
    const current = index === S.cursor;
    const bad = row.problems.length > 0;
    const badge = row.decision + (bad ? ` · ${row.problems.length} problem(s)` : "") +
      (row.origin === "added" ? " · added" : "") + (row.edited.length ? " · edited" : "");
    let body = `<span class="badge">${esc(badge)}</span>${summaryOf(row)}`;
    if (current) {
      const wrong = new Set(row.problems.map((p) => p.split(":")[0]));
      const cells = COLUMNS.map((c) => {
        const cls = [row.guessed.includes(c) ? "guess" : "", row.edited.includes(c) ? "edited" : "",
          wrong.has(c) ? "wrong" : ""].join(" ").trim();
        const list = CHOICE_COLUMNS.includes(c) ? ` list="dl-${c}"` : "";
        return `<label for="f-${c}">${c}${row.guessed.includes(c) ? " (guess)" : ""}</label>` +
          `<input id="f-${c}" name="${c}" class="${cls}"${list} value="${esc(row.fields[c])}">`;
      }).join("");
      body += `<div class="fields">${cells}</div>`;
      if (bad) body += `<ul>${row.problems.map((p) => `<li class="problem">${esc(p)}</li>`).join("")}</ul>` + offers(row.problems);
    }
    parts.push(`<div class="row${current ? " current" : ""}${bad ? " bad" : ""}" data-key="${row.key}" ` +
      `data-index="${index}" data-decision="${row.decision}">${body}</div>`);
  });
  $("#rows").innerHTML = parts.join("");
}

function renderDocRow() {
  const d = S.document_row;
  const inputs = DOC_COLUMNS.map((c) => `<label>${c} <input id="doc-${c}" value="${esc(d[c])}"></label>`).join(" ");
  const problems = S.document_problems.concat(S.reference_problems);
  $("#docrow").innerHTML = `documents.csv row of <b>${esc(S.document_id)}</b>: ${inputs} <button id="docsave">save</button>` +
    (problems.length ? `<ul>${problems.map((p) => `<li class="problem">${esc(p)}</li>`).join("")}</ul>` + offers(problems) : "");
}

function render() {
  const c = S.summary;
  $("#title").textContent = `${S.document_id} — ${S.document}`;
  $("#counts").textContent = `${c.accepted} accepted · ${c.rejected} rejected · ${c.pending} to decide` +
    (S.finished ? ` · accepted into ${S.written ? S.written.path : "raw/figures"}` : "");
  $("#undo").disabled = !S.can_undo;
  const focused = document.activeElement && document.activeElement.id;
  renderDocument();
  renderRows();
  renderDocRow();
  const mark = document.querySelector("mark.current");
  if (mark) mark.scrollIntoView({block: "center"});
  const row = document.querySelector(".row.current");
  if (row) row.scrollIntoView({block: "nearest"});
  if (focused && focused.startsWith("f-") && $("#" + focused)) $("#" + focused).focus();
}

// --- actions ------------------------------------------------------------------------------------------

function currentRow() { return S && S.rows[S.cursor]; }

function select(index) {
  if (!S.rows.length) return;
  index = Math.max(0, Math.min(index, S.rows.length - 1));
  S.cursor = index;
  render();
  enqueue({kind: "select", index});
}

function decide(kind) {
  const row = currentRow();
  if (row) enqueue({kind, key: row.key});
}

function saveEdit() {
  const row = currentRow();
  if (!row) return;
  const fields = {};
  for (const c of COLUMNS) {
    const input = $("#f-" + c);
    if (input && input.value !== row.fields[c]) fields[c] = input.value;
  }
  document.activeElement.blur();
  if (Object.keys(fields).length) enqueue({kind: "edit", key: row.key, fields});
}

function textOffset(node, offset) {
  // The selection's place in the document, in code points (what the server counts).
  const walker = document.createTreeWalker($("#doc"), NodeFilter.SHOW_TEXT);
  let units = 0;
  while (walker.nextNode()) {
    if (walker.currentNode === node) { units += offset; break; }
    units += walker.currentNode.nodeValue.length;
  }
  return Array.from(TEXT.slice(0, units)).length;
}

function addFromSelection() {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || !$("#doc").contains(sel.anchorNode)) {
    say("select the figure's text in the document first (its evidence), then press n");
    return;
  }
  const range = sel.getRangeAt(0);
  let start = textOffset(range.startContainer, range.startOffset);
  let end = textOffset(range.endContainer, range.endOffset);
  if (start > end) [start, end] = [end, start];
  sel.removeAllRanges();
  say("");
  enqueue({kind: "add", start, end});
}

async function addReference(file, line) {
  const answer = await post("/api/reference", {file, line});
  if (answer.status === 403) { await refresh(); return addReference(file, line); }
  const p = answer.payload;
  if (answer.status === 200) say(`added ${esc(p.added)}`, "ok");
  else say(`${esc(p.why)}` + (p.problems ? "<ul>" + p.problems.map((x) => `<li>${esc(x)}</li>`).join("") + "</ul>" : ""));
  await loadChoices();
  await refresh();
}

async function finish() {
  await flush();
  const answer = await post("/api/finish", {});
  const p = answer.payload;
  if (answer.status === 200) {
    const ev = p.evidence_problems.length ? ` Evidence not found: ${p.evidence_problems.map(esc).join("; ")}` :
      " verify-evidence: every evidence found verbatim in the document.";
    say(`Wrote ${esc(p.path)} (${p.figures} figures)${p.document_row_added ? "; added the document's row to raw/documents.csv" : ""}.${ev}`,
      p.evidence_problems.length ? "error" : "ok");
  } else {
    say(`${esc(p.why)}` + (p.problems ? "<ul>" + p.problems.map((x) => `<li>${esc(x)}</li>`).join("") + "</ul>" : ""));
  }
  await refresh();
}

document.addEventListener("keydown", (event) => {
  const inField = event.target.tagName === "INPUT";
  if (inField) {
    if (event.key === "Enter" && event.target.id.startsWith("f-")) { event.preventDefault(); saveEdit(); }
    else if (event.key === "Escape") { event.target.blur(); render(); }
    return;
  }
  if (event.ctrlKey && event.key === "z") { event.preventDefault(); enqueue({kind: "undo"}); return; }
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const actions = {
    j: () => select(S.cursor + 1), ArrowDown: () => select(S.cursor + 1),
    k: () => select(S.cursor - 1), ArrowUp: () => select(S.cursor - 1),
    a: () => decide("accept"), r: () => decide("reject"), x: () => decide("reject"),
    e: () => { const f = $("#f-place"); if (f) f.focus(); }, u: () => enqueue({kind: "undo"}),
    n: () => addFromSelection(),
  };
  if (actions[event.key]) { event.preventDefault(); actions[event.key](); }
});

document.addEventListener("click", (event) => {
  const t = event.target;
  if (t.id === "undo") return enqueue({kind: "undo"});
  if (t.id === "finish") return finish();
  if (t.id === "docsave") {
    const fields = {};
    for (const c of DOC_COLUMNS) fields[c] = $("#doc-" + c).value;
    return enqueue({kind: "document", fields});
  }
  if (t.dataset && t.dataset.offer !== undefined) {
    const input = $("#offer-" + t.dataset.offer);
    return addReference(input.dataset.file, input.value);
  }
  const mark = t.closest && t.closest("mark.ev");
  if (mark && window.getSelection().isCollapsed) {
    const key = mark.dataset.keys.split(" ")[0];
    return select(S.rows.findIndex((r) => r.key === key));
  }
  const row = t.closest && t.closest(".row");
  if (row && t.tagName !== "INPUT" && Number(row.dataset.index) !== S.cursor) select(Number(row.dataset.index));
});

async function loadChoices() {
  const choices = await getJSON("/api/choices");
  for (const c of CHOICE_COLUMNS) {
    const list = $("#dl-" + c);
    if (list) list.innerHTML = (choices[c] || []).map((r) => `<option value="${esc(r[0])}">${esc(r.slice(1).join(" · "))}</option>`).join("");
  }
}

async function start() {
  try {
    S = await getJSON("/api/state");
  } catch (e) {
    setStatus("offline", "server unreachable: start `clusterdw review` again, then reload");
    setTimeout(start, 1000);
    return;
  }
  token = S.token;
  outboxKey = `clusterdw-review-outbox:${S.document_id}`;
  outbox = JSON.parse(localStorage.getItem(outboxKey) || "[]");
  TEXT = (await getJSON("/api/text")).text;
  await loadChoices();
  render();
  setStatus("saved", "saved");
  if (outbox.length) flush();
}

start();
