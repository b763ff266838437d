// The spectrolens explorer page: the items table of a run and one item's spectrogram with its maps,
// tracks and audio. Every position is read in Hz and seconds from the grids' own axes (the API's
// GridAxes), never from pixel counts. Plain JavaScript, no library, nothing from the network.
'use strict';

const $ = id => document.getElementById(id);
const enc = encodeURIComponent;
const ROW_H = 22;
const COLUMNS = [['id', 'id'], ['label', 'label'], ['predicted', 'predicted'], ['probability', 'prob.'], ['speaker', 'speaker'],
  ['group', 'group'], ['split', 'split'], ['maps', 'maps'], ['score', 'score']];
const MAP_COLOURS = [[255, 59, 48], [52, 199, 89], [10, 132, 255], [255, 214, 10], [191, 90, 242], [100, 210, 255], [255, 159, 10]];
const MAGMA = [[0, 0, 4], [80, 18, 123], [183, 55, 121], [252, 137, 97], [252, 253, 191]];
const PAD = { left: 62, right: 10, top: 10, bottom: 34 };

const state = {
  runs: [], run: null, rows: [], view: [], classes: [], sort: { key: 'id', dir: 1 },
  filter: { cls: '', group: '', correct: '', maps: '', text: '', cell: null }, scoreKey: '',
  item: null, images: null, extent: null, methods: [], box: null, drag: null, playhead: null, audioStart: null, timings: {},
};
// for the browser tests and the curious: the state and the last timings (ms); ready: the first run's
// table is shown (or its error), so a driver that navigated here knows this page has taken over
window.explorer = { state, timings: state.timings, ready: false };

async function api(url) {
  const r = await fetch(url, { credentials: 'same-origin' });
  if (!r.ok) {
    let msg = 'HTTP ' + r.status;
    try { msg = (await r.json()).error || msg; } catch (e) { /* not JSON: keep the status */ }
    throw new Error(msg);
  }
  const j = await r.json();
  if (j && typeof j === 'object') for (const k of ['input', 'spectrogram']) if (j[k]) unpack(j[k]);
  return j;
}

// a dB grid's values arrive as base64 of little-endian 16-bit integers (value = integer * scale): a
// third of the bytes of JSON numbers; unpacked to numbers once, so every reader sees grid.values
function unpack(grid) {
  if (grid.encoding !== 'int16') return grid;
  const bin = atob(grid.values), n = bin.length >> 1, out = new Array(n);
  for (let i = 0; i < n; i++) {
    const x = bin.charCodeAt(2 * i) | (bin.charCodeAt(2 * i + 1) << 8);
    out[i] = (x > 32767 ? x - 65536 : x) * grid.scale;
  }
  grid.values = out;
  delete grid.encoding;
  return grid;
}

function status(msg, isError) {
  const s = $('status');
  s.textContent = msg || '';
  s.className = isError ? 'error' : '';
}

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function fmt(v, digits) {
  return v === null || v === undefined || Number.isNaN(v) ? '' : Number(v).toFixed(digits);
}

// ---------------------------------------------------------------- runs and the items table

async function init() {
  try {
    state.runs = await api('/api/runs');
    const sel = $('run');
    for (const r of state.runs) {
      const o = el('option', `${r.id} (${r.items} items${r.methods.length ? ', maps' : ''})`);
      o.value = r.id;
      sel.appendChild(o);
    }
    if (!state.runs.length) { status('no runs under the served folders'); return; }
    const want = new URLSearchParams(location.search).get('run');
    sel.value = want && state.runs.some(r => r.id === want) ? want : state.runs[0].id;
    sel.onchange = () => loadRun(sel.value).catch(e => status(e.message, true));
    buildHead();
    await loadRun(sel.value);
  } catch (e) {
    status(e.message, true);
  } finally {
    window.explorer.ready = true;
  }
}

function buildHead() {
  const head = $('table-head');
  for (const [key, title] of COLUMNS) {
    const s = el('span', title);
    s.dataset.key = key;
    s.onclick = () => {
      state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : 1 };
      applyFilter();
    };
    head.appendChild(s);
  }
}

async function loadRun(id) {
  status('loading ' + id + '...');
  const t = await api('/api/items?run=' + enc(id));
  state.run = id;
  state.classes = t.classes;
  state.rows = t.rows;
  for (const r of t.rows) {
    r.correct = r.predicted === undefined ? null : r.predicted === r.label;
    r.idLower = r.id.toLowerCase();
  }
  fillSelect($('f-class'), t.classes);
  fillSelect($('f-group'), [...new Set(t.rows.map(r => r.group).filter(g => g))].sort());
  fillSelect($('score-key'), t.score_keys, 'none');
  state.filter = { cls: '', group: '', correct: '', maps: '', text: '', cell: null };
  state.scoreKey = '';
  for (const id of ['f-class', 'f-group', 'f-correct', 'f-maps']) $(id).value = '';
  $('f-text').value = '';
  buildConfusion();
  applyFilter();
  showItems();
  status(`${t.rows.length} items`);
}

function fillSelect(sel, values, none) {
  sel.textContent = '';
  const all = el('option', none || 'all');
  all.value = '';
  sel.appendChild(all);
  for (const v of values) {
    const o = el('option', v);
    o.value = v;
    sel.appendChild(o);
  }
}

function filterRows() {
  const f = state.filter;
  return state.rows.filter(r => (!f.cls || r.label === f.cls) && (!f.group || r.group === f.group)
    && (!f.correct || (f.correct === 'right' ? r.correct === true : r.correct === false))
    && (!f.maps || r.maps) && (!f.cell || (r.label === f.cell[0] && r.predicted === f.cell[1]))
    && (!f.text || r.idLower.includes(f.text)));
}

function sortKey(r, key) {
  if (key === 'score') return r.scores ? r.scores[state.scoreKey] : undefined;
  return r[key];
}

function applyFilter() {
  const t0 = performance.now();
  const v = filterRows();
  const { key, dir } = state.sort;
  v.sort((a, b) => {
    const x = sortKey(a, key), y = sortKey(b, key);
    if (x === y) return 0;
    if (x === undefined || x === null) return 1; // missing values last, whichever the direction
    if (y === undefined || y === null) return -1;
    return (x < y ? -1 : 1) * dir;
  });
  state.view = v;
  $('count').textContent = `${v.length} of ${state.rows.length} items`;
  $('table-spacer').style.height = (v.length * ROW_H) + 'px';
  $('table-wrap').scrollTop = 0;
  renderRows();
  markConfusion();
  state.timings.filter = performance.now() - t0;
}

// only the rows in sight are in the document: the table stays fast at any length
function renderRows() {
  const wrap = $('table-wrap');
  const first = Math.floor(wrap.scrollTop / ROW_H);
  const count = Math.ceil(wrap.clientHeight / ROW_H) + 2;
  const box = $('table-rows');
  box.textContent = '';
  box.style.transform = `translateY(${first * ROW_H}px)`;
  for (const r of state.view.slice(first, first + count)) {
    const row = el('div', null, 'row' + (r.correct === false ? ' wrong' : ''));
    row.dataset.id = r.id;
    const score = r.scores ? r.scores[state.scoreKey] : undefined;
    for (const [text, cls] of [[r.id], [r.label], [r.predicted, 'pred'], [fmt(r.probability, 3)], [r.speaker], [r.group], [r.split],
      [r.maps ? 'yes' : ''], [fmt(score, 4)]]) row.appendChild(el('span', text, cls));
    row.onclick = () => openItem(r.id);
    box.appendChild(row);
  }
}

function buildConfusion() {
  const table = $('confusion');
  table.textContent = '';
  const predicted = state.rows.filter(r => r.predicted !== undefined);
  $('confusion-box').hidden = predicted.length === 0;
  if (!predicted.length) return;
  const counts = {};
  for (const r of predicted) counts[r.label + '\u0000' + r.predicted] = (counts[r.label + '\u0000' + r.predicted] || 0) + 1;
  const head = el('tr');
  head.appendChild(el('th', ''));
  for (const c of state.classes) head.appendChild(el('th', c));
  table.appendChild(head);
  for (const a of state.classes) {
    const tr = el('tr');
    tr.appendChild(el('th', a));
    for (const b of state.classes) {
      const n = counts[a + '\u0000' + b] || 0;
      const td = el('td', n, 'cell ' + (a === b ? 'diag' : n ? 'off' : ''));
      td.dataset.label = a;
      td.dataset.predicted = b;
      td.onclick = () => {
        const f = state.filter;
        f.cell = f.cell && f.cell[0] === a && f.cell[1] === b ? null : [a, b];
        applyFilter();
      };
      tr.appendChild(td);
    }
    table.appendChild(tr);
  }
}

function markConfusion() {
  const c = state.filter.cell;
  for (const td of document.querySelectorAll('#confusion td.cell')) {
    td.classList.toggle('selected', !!c && td.dataset.label === c[0] && td.dataset.predicted === c[1]);
  }
}

// ---------------------------------------------------------------- one item

function showItems() {
  $('item-view').hidden = true;
  $('compare-view').hidden = true;
  $('items-view').hidden = false;
  $('audio').pause();
}

// timings.item: the click to the view drawn; itemParts: the server's share (its Server-Timing), the
// response complete, the JSON parsed, the drawing (ms, Performance API)
async function openItem(id) {
  const t0 = performance.now();
  try {
    const url = `/api/item?run=${enc(state.run)}&id=${enc(id)}`;
    const v = await api(url);
    const t1 = performance.now();
    showView(v, false);
    const t2 = performance.now();
    state.timings.item = t2 - t0;
    const entry = performance.getEntriesByName(new URL(url, location.href).href).pop();
    const server = entry && entry.serverTiming && entry.serverTiming.length ? entry.serverTiming[0] : null;
    state.timings.itemParts = { server: server ? server.duration : null, cached: server ? server.name === 'cached' : null,
      received: entry ? entry.responseEnd - t0 : null, parsed: t1 - t0, drawn: t2 - t1, bytes: entry ? entry.encodedBodySize : null };
    performance.clearResourceTimings();
  } catch (e) {
    status(e.message, true);
  }
}

// an item (or an upload being explained: keep) drawn: the same view for both
function showView(v, keep) {
  {
    state.item = v;
    if (!keep) {
      state.box = null;
      state.playhead = null;
    }
    $('items-view').hidden = true;
    $('compare-view').hidden = true;
    $('item-view').hidden = false;
    $('item-title').textContent = v.id;
    $('item-facts').textContent = [`label ${v.label}`, v.predicted !== undefined ? `predicted ${v.predicted} (${fmt(v.probability, 3)})` : 'no prediction',
      v.speaker ? `speaker ${v.speaker}` : '', v.group ? `group ${v.group}` : '', `split ${v.split}`,
      `${fmt(v.start, 3)}-${fmt(v.end, 3)} s`].filter(s => s).join(' · ');
    buildMethods(v, keep);
    $('tracks-toggle').hidden = !v.tracks;
    buildProbabilities(v);
    Object.assign(state, prepareImages(v));
    const audio = $('audio');
    if (!keep || !audio.getAttribute('src')) {
      if (v.audio) audio.src = v.audio.url; else audio.removeAttribute('src');
      state.audioStart = v.audio ? v.audio.start : null;
    }
    $('events-toggle').hidden = !v.events;
    // what to play: the recording, a scene clip's stems, each map's kept sound and its complement
    const stems = v.audio && v.audio.stems ? Object.keys(v.audio.stems) : [];
    const sounds = v.audio && v.audio.sounds ? Object.keys(v.audio.sounds) : [];
    $('audio-kind-box').hidden = stems.length + sounds.length === 0;
    // refilled for a new view, or as an upload's maps (and so their sounds) arrive, keeping the choice
    const kinds = stems.concat(sounds), pick = $('audio-kind'), was = pick.value;
    if (!keep || [...pick.options].slice(1).map(o => o.value).join('\u0000') !== kinds.join('\u0000')) {
      fillSelect(pick, kinds, v.events ? 'the clip' : 'the recording');
      if (keep && kinds.includes(was)) pick.value = was;
    }
    $('item-compare').hidden = !v.run; // an upload is not in a run's tables
    if (!keep) {
      $('readout').textContent = 'cursor: -';
      $('box').textContent = 'drag over the spectrogram to read a band and span';
      $('playhead-label').textContent = '';
    }
    draw();
    status('');
  }
}

function buildMethods(v, keep) {
  const box = $('methods');
  box.textContent = '';
  const names = Object.keys(v.maps || {});
  const kept = keep ? state.methods.filter(m => names.includes(m)) : [];
  state.methods = kept.length ? kept : names.length ? [names[0]] : [];
  if (!names.length) box.appendChild(el('div', 'no maps for this item'));
  names.forEach((m, k) => {
    const label = el('label');
    const input = el('input');
    input.type = 'checkbox';
    input.dataset.method = m;
    input.checked = state.methods.includes(m);
    input.onchange = () => {
      state.methods = names.filter(n => box.querySelector(`input[data-method="${CSS.escape(n)}"]`).checked);
      draw();
    };
    const sw = el('span', null, 'swatch');
    sw.style.background = `rgb(${MAP_COLOURS[k % MAP_COLOURS.length].join(',')})`;
    label.append(input, sw, `${m}${v.maps[m].layer ? ' (' + v.maps[m].layer + ')' : ''}`);
    box.appendChild(label);
  });
}

function buildProbabilities(v) {
  const t = $('probs');
  t.textContent = '';
  for (const [c, p] of Object.entries(v.probabilities || {})) {
    const tr = el('tr');
    tr.append(el('td', c), el('td', fmt(p, 3)));
    if (c === v.predicted) tr.style.fontWeight = 'bold';
    t.appendChild(tr);
  }
}

// the rows' edges in Hz (midway between centres; half a step beyond the first and last)
function rowEdges(grid) {
  const hz = grid.axes && grid.axes.frequencies_hz ? grid.axes.frequencies_hz : [...Array(grid.rows).keys()];
  const n = hz.length;
  const lo = new Array(n), hi = new Array(n);
  for (let r = 0; r < n; r++) {
    lo[r] = r === 0 ? hz[0] - (n > 1 ? (hz[1] - hz[0]) / 2 : 0.5) : (hz[r - 1] + hz[r]) / 2;
    hi[r] = r === n - 1 ? hz[n - 1] + (n > 1 ? (hz[n - 1] - hz[n - 2]) / 2 : 0.5) : (hz[r] + hz[r + 1]) / 2;
  }
  lo[0] = Math.max(0, lo[0]);
  return { hz, lo, hi };
}

// the columns' span in seconds: column c is centred at time_start + c * time_step
function columnSpan(grid, fallback) {
  const dt = grid.axes ? grid.axes.time_step : null;
  if (grid.time_start === undefined || grid.time_start === null || !dt) return fallback;
  return { t0: grid.time_start - dt / 2, t1: grid.time_start + (grid.columns - 0.5) * dt, start: grid.time_start, step: dt };
}

function offscreen(grid, colour) {
  const c = document.createElement('canvas');
  c.width = grid.columns;
  c.height = grid.rows;
  const g = c.getContext('2d');
  const img = g.createImageData(grid.columns, grid.rows);
  let max = -Infinity;
  for (const x of grid.values) if (x > max) max = x;
  for (let r = 0; r < grid.rows; r++) {
    const y = grid.rows - 1 - r; // row 0 is the lowest frequency: the bottom of the picture
    for (let t = 0; t < grid.columns; t++) {
      const [R, G, B, A] = colour(grid.values[r * grid.columns + t], max);
      const o = (y * grid.columns + t) * 4;
      img.data[o] = R; img.data[o + 1] = G; img.data[o + 2] = B; img.data[o + 3] = A;
    }
  }
  g.putImageData(img, 0, 0);
  return c;
}

function magma(v, max) {
  const x = Math.min(1, Math.max(0, (v - (max - 70)) / 70)) * (MAGMA.length - 1);
  const k = Math.min(MAGMA.length - 2, Math.floor(x)), f = x - k;
  const a = MAGMA[k], b = MAGMA[k + 1];
  return [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2]), 255];
}

function prepareImages(v) {
  const base = v.spectrogram || v.input;
  const inputSpan = columnSpan(v.input, { t0: 0, t1: 1 });
  const span = columnSpan(base, inputSpan);
  const edges = rowEdges(base);
  const extent = { t0: span.t0, t1: span.t1, f0: 0, f1: edges.hi[edges.hi.length - 1] };
  const images = { spectrogram: null, input: { grid: v.input, img: offscreen(v.input, magma), edges: rowEdges(v.input), span: inputSpan }, maps: {} };
  if (v.spectrogram) images.spectrogram = { grid: v.spectrogram, img: offscreen(v.spectrogram, magma), edges, span };
  Object.keys(v.maps || {}).forEach((m, k) => {
    const grid = v.maps[m].grid;
    const [R, G, B] = MAP_COLOURS[k % MAP_COLOURS.length];
    images.maps[m] = { grid, img: offscreen(grid, x => [R, G, B, Math.round(255 * Math.min(1, Math.max(0, x)))]), edges: rowEdges(grid),
      span: columnSpan(grid, inputSpan) };
  });
  return { extent, images };
}

function plotBox(canvas) {
  return { x: PAD.left, y: PAD.top, w: canvas.width - PAD.left - PAD.right, h: canvas.height - PAD.top - PAD.bottom };
}

function xOf(t, p, e) { return p.x + (t - e.t0) / (e.t1 - e.t0) * p.w; }
function yOf(f, p, e) { return p.y + (1 - (f - e.f0) / (e.f1 - e.f0)) * p.h; }
function tOf(x, p, e) { return e.t0 + (x - p.x) / p.w * (e.t1 - e.t0); }
function fOf(y, p, e) { return e.f0 + (1 - (y - p.y) / p.h) * (e.f1 - e.f0); }

// a grid drawn row by row between its rows' edges in Hz: right for linear and mel rows alike
function drawGrid(g, layer, p, e) {
  const { img, edges, span, grid } = layer;
  const x0 = xOf(span.t0, p, e), x1 = xOf(span.t1, p, e);
  for (let r = 0; r < grid.rows; r++) {
    const ya = yOf(edges.hi[r], p, e), yb = yOf(edges.lo[r], p, e);
    g.drawImage(img, 0, grid.rows - 1 - r, grid.columns, 1, x0, ya, x1 - x0, yb - ya);
  }
}

// sc: the item, its extent and images (the item view's by default; the compare view draws others)
function drawPlot(canvas, methods, withAxes, sc) {
  const { item: v, extent: e, images: im } = sc || { item: state.item, extent: state.extent, images: state.images };
  const g = canvas.getContext('2d');
  const p = plotBox(canvas);
  g.clearRect(0, 0, canvas.width, canvas.height);
  g.imageSmoothingEnabled = false;
  g.save();
  g.beginPath();
  g.rect(p.x, p.y, p.w, p.h);
  g.clip();
  g.fillStyle = '#000';
  g.fillRect(p.x, p.y, p.w, p.h);
  const base = !im.spectrogram || $('show-input').checked ? im.input : im.spectrogram;
  drawGrid(g, base, p, e);
  g.globalAlpha = $('opacity').value / 100;
  for (const m of methods) drawGrid(g, im.maps[m], p, e);
  g.globalAlpha = 1;
  if (v.tracks && $('tracks').checked) drawTracks(g, v.tracks, p, e);
  if (v.events && $('events').checked) drawEvents(g, v.events, p, e);
  // the item's own span inside the context shown
  g.setLineDash([4, 4]);
  g.strokeStyle = 'rgba(255,255,255,0.7)';
  for (const t of [v.start, v.end]) {
    if (t === null || t === undefined || Number.isNaN(t)) continue;
    g.beginPath(); g.moveTo(xOf(t, p, e), p.y); g.lineTo(xOf(t, p, e), p.y + p.h); g.stroke();
  }
  g.setLineDash([]);
  g.restore();
  if (withAxes) drawAxes(g, p, e);
}

function drawTracks(g, tracks, p, e) {
  const line = (values, colour, width) => {
    g.strokeStyle = colour;
    g.lineWidth = width;
    g.beginPath();
    let on = false;
    tracks.times.forEach((t, i) => {
      const f = values[i];
      if (f === null || f === undefined) { on = false; return; }
      const x = xOf(t, p, e), y = yOf(f, p, e);
      if (on) g.lineTo(x, y); else g.moveTo(x, y);
      on = true;
    });
    g.stroke();
  };
  for (const f of [tracks.f1, tracks.f2, tracks.f3]) { line(f, 'rgba(0,0,0,0.8)', 4); line(f, '#fff', 2); }
  line(tracks.f0, '#00e5ff', 2);
  g.lineWidth = 1;
}

// a scene clip's sounds: patient sounds orange, the rest blue; a pitched sound's box spans its F0 range
function drawEvents(g, events, p, e) {
  g.font = '11px system-ui, sans-serif';
  g.textAlign = 'left';
  g.textBaseline = 'top';
  for (const ev of events) {
    const lo = ev.f0_min !== undefined && ev.f0_min !== null ? ev.f0_min * 0.9 : e.f0;
    const hi = ev.f0_max !== undefined && ev.f0_max !== null ? ev.f0_max * 1.1 : e.f1;
    const x0 = xOf(ev.onset, p, e), x1 = xOf(ev.offset, p, e), y0 = yOf(hi, p, e), y1 = yOf(lo, p, e);
    g.strokeStyle = ev.positive ? '#ff9f0a' : '#64d2ff';
    g.lineWidth = 2;
    g.strokeRect(x0, y0, x1 - x0, y1 - y0);
    g.fillStyle = g.strokeStyle;
    g.fillText(ev.kind, x0 + 3, Math.max(p.y + 2, y0 + 2));
  }
  g.lineWidth = 1;
}

function ticks(a, b, n) {
  const raw = (b - a) / n, mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map(s => s * mag).find(s => s >= raw);
  const out = [];
  for (let v = Math.ceil(a / step) * step; v <= b + 1e-9; v += step) out.push(v);
  return { values: out, step };
}

function drawAxes(g, p, e) {
  g.fillStyle = '#222';
  g.strokeStyle = '#222';
  g.font = '11px system-ui, sans-serif';
  g.strokeRect(p.x, p.y, p.w, p.h);
  const ft = ticks(e.f0, e.f1, 8);
  g.textAlign = 'right';
  g.textBaseline = 'middle';
  for (const f of ft.values) g.fillText(f >= 1000 ? (f / 1000).toFixed(ft.step < 1000 ? 1 : 0) + 'k' : f.toFixed(0), p.x - 4, yOf(f, p, e));
  const tt = ticks(e.t0, e.t1, 8);
  g.textAlign = 'center';
  g.textBaseline = 'top';
  const digits = Math.max(0, -Math.floor(Math.log10(tt.step)));
  for (const t of tt.values) g.fillText(t.toFixed(digits), xOf(t, p, e), p.y + p.h + 4);
  g.fillText('s', p.x + p.w / 2, p.y + p.h + 18);
  g.save();
  g.translate(12, p.y + p.h / 2);
  g.rotate(-Math.PI / 2);
  g.fillText('Hz', 0, 0);
  g.restore();
}

function draw() {
  if (!state.item) return;
  drawPlot($('spec'), state.methods, true);
  drawOverlay();
  drawWave();
  drawProfiles();
  // methods side by side: one small plot per method shown
  const cmp = $('compare');
  cmp.textContent = '';
  if (state.methods.length > 1) {
    for (const m of state.methods) {
      const fig = el('figure');
      const c = el('canvas');
      c.width = 300; c.height = 170;
      c.dataset.method = m;
      fig.append(c, el('figcaption', m));
      cmp.appendChild(fig);
      drawPlot(c, [m], true);
    }
  }
}

// the recording's min/max envelope over the span shown, on the spectrogram's time axis (the same margins)
function drawWave() {
  const c = $('wave'), g = c.getContext('2d'), w = state.item.waveform, e = state.extent;
  const p = { x: PAD.left, y: 4, w: c.width - PAD.left - PAD.right, h: c.height - 8 };
  g.clearRect(0, 0, c.width, c.height);
  if (!w) return;
  let peak = 1e-6;
  for (let b = 0; b < w.max.length; b++) peak = Math.max(peak, Math.abs(w.min[b]), Math.abs(w.max[b]));
  const mid = p.y + p.h / 2, scale = p.h / 2 / peak;
  g.fillStyle = '#f4f4f4';
  g.fillRect(p.x, p.y, p.w, p.h);
  g.fillStyle = '#1e5aa8';
  for (let b = 0; b < w.max.length; b++) {
    const x0 = xOf(w.start + b * w.step, p, e), x1 = xOf(w.start + (b + 1) * w.step, p, e);
    if (x1 < p.x || x0 > p.x + p.w) continue;
    g.fillRect(x0, mid - w.max[b] * scale, Math.max(1, x1 - x0), Math.max(1, (w.max[b] - w.min[b]) * scale));
  }
  g.fillStyle = '#555';
  g.font = '11px system-ui, sans-serif';
  g.textAlign = 'right';
  g.textBaseline = 'middle';
  g.fillText('wave', p.x - 4, mid);
}

// each shown map's band profile (its mean over columns, by Hz: beside the spectrogram, on its frequency axis)
// and time profile (its mean over rows, by s: below it, on its time axis)
function drawProfiles() {
  const im = state.images, e = state.extent;
  state.profiles = {};
  for (const m of state.methods) {
    const { grid } = im.maps[m];
    const band = new Array(grid.rows).fill(0), time = new Array(grid.columns).fill(0);
    for (let r = 0; r < grid.rows; r++) {
      for (let t = 0; t < grid.columns; t++) {
        const x = grid.values[r * grid.columns + t];
        band[r] += x / grid.columns;
        time[t] += x / grid.rows;
      }
    }
    state.profiles[m] = { band, time };
  }
  const colour = m => `rgb(${MAP_COLOURS[Object.keys(state.item.maps).indexOf(m) % MAP_COLOURS.length].join(',')})`;
  const max = Math.max(1e-6, ...Object.values(state.profiles).flatMap(p => p.band.concat(p.time)));
  // band: the plot's rows (the spectrogram's margins, shifted by the waveform strip above it)
  const bc = $('band-profile'), bg = bc.getContext('2d');
  const bp = { x: 8, y: $('wave').height + PAD.top, w: bc.width - 16, h: 420 - PAD.top - PAD.bottom };
  bg.clearRect(0, 0, bc.width, bc.height);
  bg.strokeStyle = '#999';
  bg.strokeRect(bp.x, bp.y, bp.w, bp.h);
  for (const m of state.methods) {
    const { edges } = im.maps[m];
    polyline(bg, colour(m), state.profiles[m].band.map((v, r) => [bp.x + v / max * bp.w, yOf(edges.hz[r], bp, e)]));
  }
  label(bg, 'band profile (mean by Hz)', bc.width / 2, bp.y + bp.h + 6);
  // time: the plot's columns
  const tc = $('time-profile'), tg = tc.getContext('2d');
  const tp = { x: PAD.left, y: 6, w: tc.width - PAD.left - PAD.right, h: tc.height - 26 };
  tg.clearRect(0, 0, tc.width, tc.height);
  tg.strokeStyle = '#999';
  tg.strokeRect(tp.x, tp.y, tp.w, tp.h);
  for (const m of state.methods) {
    const { span } = im.maps[m];
    if (!span.step) continue;
    polyline(tg, colour(m), state.profiles[m].time.map((v, t) => [xOf(span.start + t * span.step, tp, e), tp.y + tp.h - v / max * tp.h]));
  }
  label(tg, 'time profile (mean by s)', tp.x + tp.w / 2, tp.y + tp.h + 4);
}

function polyline(g, colour, points) {
  g.strokeStyle = colour;
  g.lineWidth = 2;
  g.beginPath();
  points.forEach(([x, y], k) => { if (k) g.lineTo(x, y); else g.moveTo(x, y); });
  g.stroke();
  g.lineWidth = 1;
}

function label(g, text, x, y) {
  g.fillStyle = '#555';
  g.font = '11px system-ui, sans-serif';
  g.textAlign = 'center';
  g.textBaseline = 'top';
  g.fillText(text, x, y);
}

function drawOverlay() {
  const c = $('overlay'), g = c.getContext('2d'), p = plotBox(c), e = state.extent;
  g.clearRect(0, 0, c.width, c.height);
  if (state.box) {
    const b = state.box;
    g.strokeStyle = '#fff';
    g.setLineDash([5, 3]);
    g.strokeRect(xOf(b.t0, p, e), yOf(b.f1, p, e), xOf(b.t1, p, e) - xOf(b.t0, p, e), yOf(b.f0, p, e) - yOf(b.f1, p, e));
    g.setLineDash([]);
  }
  if (state.playhead !== null && state.playhead >= e.t0 && state.playhead <= e.t1) {
    const x = xOf(state.playhead, p, e);
    g.strokeStyle = '#ffeb3b';
    g.lineWidth = 2;
    g.beginPath(); g.moveTo(x, p.y); g.lineTo(x, p.y + p.h); g.stroke();
    g.lineWidth = 1;
  }
}

// the value of a grid at (t s, f Hz): the cell holding it, or null outside
function valueAt(layer, t, f) {
  const { grid, edges, span } = layer;
  if (!span.step) return null;
  const c = Math.round((t - span.start) / span.step);
  if (c < 0 || c >= grid.columns) return null;
  let r = -1;
  for (let k = 0; k < grid.rows; k++) if (f >= edges.lo[k] && f < edges.hi[k]) { r = k; break; }
  return r < 0 ? null : grid.values[r * grid.columns + c];
}

// the mean of a map over the cells whose centres lie in the box
function meanIn(layer, b) {
  const { grid, edges, span } = layer;
  if (!span.step) return null;
  let s = 0, n = 0;
  for (let r = 0; r < grid.rows; r++) {
    if (edges.hz[r] < b.f0 || edges.hz[r] > b.f1) continue;
    for (let c = 0; c < grid.columns; c++) {
      const t = span.start + c * span.step;
      if (t < b.t0 || t > b.t1) continue;
      s += grid.values[r * grid.columns + c];
      n++;
    }
  }
  return n ? s / n : null;
}

function pointer(ev) {
  const c = $('overlay'), rect = c.getBoundingClientRect();
  const x = (ev.clientX - rect.left) * c.width / rect.width, y = (ev.clientY - rect.top) * c.height / rect.height;
  const p = plotBox(c), e = state.extent;
  const t = Math.min(e.t1, Math.max(e.t0, tOf(x, p, e))), f = Math.min(e.f1, Math.max(e.f0, fOf(y, p, e)));
  return { t, f, inside: x >= p.x && x <= p.x + p.w && y >= p.y && y <= p.y + p.h };
}

function readCursor(ev) {
  if (!state.item) return;
  const q = pointer(ev);
  if (state.drag) {
    state.box = { t0: Math.min(state.drag.t, q.t), t1: Math.max(state.drag.t, q.t), f0: Math.min(state.drag.f, q.f), f1: Math.max(state.drag.f, q.f) };
    drawOverlay();
  }
  if (!q.inside) return;
  const im = state.images;
  const base = !im.spectrogram || $('show-input').checked ? im.input : im.spectrogram;
  const db = valueAt(base, q.t, q.f);
  const parts = [`${q.f.toFixed(0)} Hz`, `${q.t.toFixed(3)} s`, db === null ? '' : `${db.toFixed(1)} dB`];
  for (const m of state.methods) {
    const x = valueAt(im.maps[m], q.t, q.f);
    if (x !== null) parts.push(`${m} ${x.toFixed(2)}`);
  }
  $('readout').textContent = 'cursor: ' + parts.filter(s => s).join('  ');
}

function endDrag() {
  if (!state.drag) return;
  const b = state.box;
  state.drag = null;
  if (!b || (b.t1 - b.t0) < 1e-4 || (b.f1 - b.f0) < 1) {
    state.box = null;
    drawOverlay();
    return;
  }
  const box = $('box');
  box.dataset.hzLow = b.f0.toFixed(1);
  box.dataset.hzHigh = b.f1.toFixed(1);
  box.dataset.sStart = b.t0.toFixed(4);
  box.dataset.sEnd = b.t1.toFixed(4);
  const means = state.methods.map(m => [m, meanIn(state.images.maps[m], b)]).filter(([, x]) => x !== null)
    .map(([m, x]) => `${m} mean ${x.toFixed(2)}`);
  box.textContent = `band ${b.f0.toFixed(0)}-${b.f1.toFixed(0)} Hz (${(b.f1 - b.f0).toFixed(0)} Hz wide), span ${b.t0.toFixed(3)}-${b.t1.toFixed(3)} s `
    + `(${((b.t1 - b.t0) * 1000).toFixed(0)} ms)` + (means.length ? '; ' + means.join(', ') : '');
  drawOverlay();
}

// the playhead follows the audio element: the recording's span starts at item.audio.start
function followAudio() {
  const audio = $('audio');
  const tick = () => {
    if (!state.item || !state.item.audio) return;
    state.playhead = state.audioStart + audio.currentTime;
    $('playhead-label').textContent = `playhead ${state.playhead.toFixed(3)} s`;
    $('playhead-label').dataset.seconds = state.playhead.toFixed(4);
    drawOverlay();
    if (!audio.paused && !audio.ended) requestAnimationFrame(tick);
  };
  audio.addEventListener('play', () => requestAnimationFrame(tick));
  audio.addEventListener('seeked', tick);
  audio.addEventListener('timeupdate', tick);
  audio.addEventListener('error', () => status('audio: ' + (audio.error ? 'cannot play (' + audio.error.code + ')' : 'cannot play'), true));
}

// ---------------------------------------------------------------- compare: one method over two items or two classes, and the class means

function showCompare(left) {
  $('items-view').hidden = true;
  $('item-view').hidden = true;
  $('compare-view').hidden = false;
  $('audio').pause();
  const run = state.runs.find(r => r.id === state.run);
  const sel = $('cmp-method'), keep = sel.value;
  sel.textContent = '';
  for (const m of run ? run.methods : []) { const o = el('option', m); o.value = m; sel.appendChild(o); }
  if (keep && run && run.methods.includes(keep)) sel.value = keep;
  const opts = $('cmp-options');
  opts.textContent = '';
  for (const c of state.classes) { const o = el('option'); o.value = 'class ' + c; opts.appendChild(o); }
  for (const r of state.rows) if (r.maps) { const o = el('option'); o.value = r.id; opts.appendChild(o); }
  if (left) $('cmp-a').value = left;
  if (!$('cmp-a').value) $('cmp-a').value = 'class ' + state.classes[0];
  if (!$('cmp-b').value) $('cmp-b').value = 'class ' + (state.classes[1] || state.classes[0]);
  return compare();
}

// one side: 'class NAME' (the class's mean map) or an item id (its spectrogram with the method's map)
async function compareSide(want, method, means) {
  const c = el('canvas');
  c.width = 440; c.height = 300;
  if (want.startsWith('class ') && state.classes.includes(want.slice(6))) {
    const m = means.classes.find(x => x.class === want.slice(6));
    if (!m) return { canvas: c, caption: `${want}: no item with a ${method} map` };
    drawMean(c, m);
    return { canvas: c, caption: `${want}: mean of ${m.n} items' ${method} maps`, kind: 'class', name: m.class };
  }
  const v = await api(`/api/item?run=${enc(state.run)}&id=${enc(want)}`);
  if (!v.maps || !v.maps[method]) return { canvas: c, caption: `${v.id}: no ${method} map` };
  drawPlot(c, [method], true, { item: v, ...prepareImages(v) });
  return { canvas: c, caption: `${v.id} (label ${v.label}${v.predicted !== undefined ? ', predicted ' + v.predicted : ''}): ${method}`, kind: 'item',
    name: v.id };
}

async function compare() {
  const t0 = performance.now();
  const method = $('cmp-method').value;
  if (!method) { status('compare: this run has no maps', true); return; }
  try {
    const means = await api(`/api/means?run=${enc(state.run)}&method=${enc(method)}`);
    state.compare = { method, means, sides: [] };
    const pair = $('cmp-pair');
    pair.textContent = '';
    for (const input of [$('cmp-a'), $('cmp-b')]) {
      const side = await compareSide(input.value.trim(), method, means);
      state.compare.sides.push({ kind: side.kind || null, name: side.name || null });
      const fig = el('figure');
      fig.append(side.canvas, el('figcaption', side.caption));
      pair.appendChild(fig);
    }
    const box = $('cmp-means');
    box.textContent = '';
    for (const m of means.classes) {
      const fig = el('figure'), c = el('canvas');
      c.width = 300; c.height = 220;
      c.dataset.class = m.class;
      drawMean(c, m);
      const t = m.truth;
      fig.append(c, el('figcaption', `${m.class}: ${m.n} items` + (t ? `; F1-F3 medians of ${t.n} (${t.origin})` : '; no formants')));
      box.appendChild(fig);
    }
    state.timings.compare = performance.now() - t0;
    status('');
  } catch (e) {
    status('compare: ' + e.message, true);
  }
}

function heat(v, max) {
  const x = max > 0 ? Math.min(1, Math.max(0, v / max)) * (MAGMA.length - 1) : 0;
  const k = Math.min(MAGMA.length - 2, Math.floor(x)), f = x - k;
  const a = MAGMA[k], b = MAGMA[k + 1];
  return [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2]), 255];
}

// a class-mean map (its own colour scale, columns in s from the item's start) and the class's median F1-F3 as cyan lines
function drawMean(canvas, m) {
  const grid = m.grid, edges = rowEdges(grid), span = columnSpan(grid, { t0: 0, t1: grid.columns });
  const e = { t0: span.t0, t1: span.t1, f0: 0, f1: edges.hi[edges.hi.length - 1] };
  const g = canvas.getContext('2d'), p = plotBox(canvas);
  g.clearRect(0, 0, canvas.width, canvas.height);
  g.imageSmoothingEnabled = false;
  g.save();
  g.beginPath(); g.rect(p.x, p.y, p.w, p.h); g.clip();
  g.fillStyle = '#000';
  g.fillRect(p.x, p.y, p.w, p.h);
  drawGrid(g, { grid, img: offscreen(grid, heat), edges, span }, p, e);
  const t = m.truth || {};
  g.font = '11px system-ui, sans-serif';
  g.textAlign = 'right';
  g.textBaseline = 'bottom';
  ['f1', 'f2', 'f3'].forEach((k, i) => {
    const hz = t[k];
    if (hz === null || hz === undefined || hz > e.f1) return;
    const y = Math.round(yOf(hz, p, e));
    g.fillStyle = '#00e5ff';
    g.fillRect(p.x, y - 1, p.w, 2);
    g.fillText(`F${i + 1} ${hz.toFixed(0)} Hz`, p.x + p.w - 3, y - 2);
  });
  g.restore();
  drawAxes(g, p, e);
}

// ---------------------------------------------------------------- live explanation of an upload (serve --model)

async function initLive() {
  const r = await fetch('/api/live', { credentials: 'same-origin' });
  if (!r.ok) return; // no --model: no uploads
  state.live = await r.json();
  $('upload-box').hidden = false;
  $('upload-limits').textContent = `(WAV or FLAC, up to ${state.live.max_seconds} s and ${state.live.max_bytes >> 20} MiB; `
    + `${state.live.methods.join(', ')} on ${state.live.model})`;
}

// the chosen file decoded in the page (an OfflineAudioContext: no sound device needed) and drawn; a drag over it
// sets the span fields. The server decodes the file again with spectrolens's own readers: this is only the picker.
async function showUploadWave(file) {
  state.uploadWave = null;
  $('upload-pick').hidden = true;
  if (!file) return;
  try {
    const audio = await new OfflineAudioContext(1, 1, 44100).decodeAudioData(await file.arrayBuffer());
    const x = audio.getChannelData(0), n = $('upload-wave').width, per = x.length / n;
    const lo = new Float32Array(n), hi = new Float32Array(n);
    for (let b = 0; b < n; b++) {
      let a = Infinity, z = -Infinity;
      for (let i = Math.floor(b * per); i < Math.max(Math.floor(b * per) + 1, Math.floor((b + 1) * per)) && i < x.length; i++) {
        a = Math.min(a, x[i]); z = Math.max(z, x[i]);
      }
      lo[b] = a; hi[b] = z;
    }
    state.uploadWave = { duration: audio.duration, lo, hi };
    $('upload-pick').hidden = false;
    drawUploadWave();
  } catch (e) {
    // not decodable here: the span fields still work, and the server's readers answer for the file
  }
}

function drawUploadWave() {
  const w = state.uploadWave;
  if (!w) return;
  const c = $('upload-wave'), g = c.getContext('2d'), mid = c.height / 2;
  let peak = 1e-6;
  for (let b = 0; b < w.hi.length; b++) peak = Math.max(peak, Math.abs(w.lo[b]), Math.abs(w.hi[b]));
  g.clearRect(0, 0, c.width, c.height);
  const a = parseFloat($('upload-start').value), b = parseFloat($('upload-end').value);
  if (!Number.isNaN(a) || !Number.isNaN(b)) {
    const x0 = (Number.isNaN(a) ? 0 : a) / w.duration * c.width, x1 = (Number.isNaN(b) ? w.duration : b) / w.duration * c.width;
    g.fillStyle = 'rgba(255, 214, 10, 0.35)';
    g.fillRect(x0, 0, x1 - x0, c.height);
  }
  g.fillStyle = '#1e5aa8';
  for (let k = 0; k < w.hi.length; k++) g.fillRect(k, mid - w.hi[k] / peak * mid, 1, Math.max(1, (w.hi[k] - w.lo[k]) / peak * mid));
}

function wireSpanPicker() {
  const c = $('upload-wave');
  const seconds = ev => {
    const r = c.getBoundingClientRect();
    return Math.min(1, Math.max(0, (ev.clientX - r.left) / r.width)) * state.uploadWave.duration;
  };
  c.addEventListener('mousedown', ev => { if (state.uploadWave) state.spanDrag = seconds(ev); });
  const move = ev => {
    if (state.spanDrag === null || state.spanDrag === undefined) return;
    const t = seconds(ev);
    $('upload-start').value = Math.min(state.spanDrag, t).toFixed(3);
    $('upload-end').value = Math.max(state.spanDrag, t).toFixed(3);
    drawUploadWave();
  };
  window.addEventListener('mousemove', move);
  window.addEventListener('mouseup', ev => {
    if (state.spanDrag === null || state.spanDrag === undefined) return;
    move(ev);
    if (Math.abs(seconds(ev) - state.spanDrag) < 1e-3) { $('upload-start').value = ''; $('upload-end').value = ''; drawUploadWave(); } // a click: the whole file
    state.spanDrag = null;
  });
  for (const id of ['upload-start', 'upload-end']) $(id).addEventListener('input', drawUploadWave);
}

async function upload() {
  const f = state.uploadFile || $('upload-file').files[0];
  if (!f) { status('upload: choose a WAV or FLAC file', true); return; }
  const q = new URLSearchParams({ name: f.name });
  for (const k of ['start', 'end']) if ($('upload-' + k).value !== '') q.set(k, $('upload-' + k).value);
  const t0 = performance.now();
  state.timings.upload = null;
  $('upload-status').textContent = 'sending...';
  const r = await fetch('/api/upload?' + q, { method: 'POST', body: f, credentials: 'same-origin' });
  let j = {};
  try { j = await r.json(); } catch (e) { /* not JSON */ }
  if (!r.ok) {
    const msg = j.error || ('HTTP ' + r.status);
    $('upload-status').textContent = msg;
    status(msg, true);
    return;
  }
  poll(j.id, t0, true);
}

async function poll(id, t0, first) {
  let s;
  try {
    s = await api('/api/upload?id=' + enc(id));
  } catch (e) {
    status(e.message, true);
    return;
  }
  $('upload-status').textContent = `${s.state}: ${s.done} of ${s.total} methods`;
  if (s.input && Object.keys(s.maps).length) {
    showView({ id: s.name, label: '(upload)', predicted: s.predicted, probability: s.probabilities ? s.probabilities[s.predicted] : undefined,
      probabilities: s.probabilities, split: 'upload', start: null, end: null, input: s.input, maps: s.maps,
      audio: s.audio ? { url: s.audio, start: s.audio_start, sounds: s.sounds } : undefined, upload: s.id }, !first);
    first = false;
  }
  if (s.state === 'failed') { status('upload: ' + s.error, true); return; }
  if (s.state === 'done') { state.timings.upload = performance.now() - t0; return; }
  setTimeout(() => poll(id, t0, first), 100);
}

function wire() {
  $('upload-go').onclick = () => upload().catch(e => status('upload: ' + e.message, true));
  $('upload-file').onchange = () => { state.uploadFile = null; showUploadWave($('upload-file').files[0]); };
  wireSpanPicker();
  const drop = $('upload-box');
  drop.addEventListener('dragover', ev => { ev.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', ev => {
    ev.preventDefault();
    drop.classList.remove('over');
    if (ev.dataTransfer.files.length) {
      state.uploadFile = ev.dataTransfer.files[0];
      $('upload-status').textContent = 'ready: ' + state.uploadFile.name;
      showUploadWave(state.uploadFile);
    }
  });
  $('f-class').onchange = ev => { state.filter.cls = ev.target.value; applyFilter(); };
  $('f-group').onchange = ev => { state.filter.group = ev.target.value; applyFilter(); };
  $('f-correct').onchange = ev => { state.filter.correct = ev.target.value; applyFilter(); };
  $('f-maps').onchange = ev => { state.filter.maps = ev.target.value; applyFilter(); };
  $('f-text').oninput = ev => { state.filter.text = ev.target.value.toLowerCase(); applyFilter(); };
  $('score-key').onchange = ev => { state.scoreKey = ev.target.value; if (state.sort.key === 'score') applyFilter(); else renderRows(); };
  $('f-clear').onclick = () => {
    state.filter = { cls: '', group: '', correct: '', maps: '', text: '', cell: null };
    for (const id of ['f-class', 'f-group', 'f-correct', 'f-maps', 'f-text']) $(id).value = '';
    applyFilter();
  };
  $('table-wrap').addEventListener('scroll', () => requestAnimationFrame(renderRows));
  $('back').onclick = showItems;
  $('compare-back').onclick = showItems;
  $('to-compare').onclick = () => showCompare();
  $('item-compare').onclick = () => showCompare(state.item && state.item.run ? state.item.id : undefined);
  $('cmp-go').onclick = compare;
  $('cmp-method').onchange = compare;
  $('opacity').oninput = draw;
  $('tracks').onchange = draw;
  $('show-input').onchange = draw;
  $('events').onchange = draw;
  $('audio-kind').onchange = ev => {
    const v = state.item, k = ev.target.value;
    if (!v || !v.audio) return;
    const sound = v.audio.sounds && v.audio.sounds[k];
    $('audio').src = sound ? sound.url : k ? v.audio.stems[k] : v.audio.url;
    state.audioStart = sound ? sound.start : v.audio.start; // a map's sound covers the item alone
  };
  const ov = $('overlay');
  ov.addEventListener('mousedown', ev => {
    if (!state.item) return;
    const q = pointer(ev);
    state.drag = { t: q.t, f: q.f };
    state.box = null;
  });
  ov.addEventListener('mousemove', readCursor);
  window.addEventListener('mouseup', endDrag);
  ov.addEventListener('dblclick', ev => {
    // double-click: play from there
    if (!state.item || !state.item.audio) return;
    const audio = $('audio');
    audio.currentTime = Math.max(0, pointer(ev).t - state.audioStart);
    audio.play().catch(e => status('audio: ' + e.message, true));
  });
  followAudio();
}

wire();
init();
initLive().catch(() => { /* the page works without live explanation */ });
