// The Sinapse playground page: a form, four buttons and three canvases. The server trains; this page only asks
// and draws. Events arrive as Server-Sent Events: hello (the stream is open), run (a new run: its data and
// shape), state (running, paused, finished, stopped, failed) and frame (the pictures of one moment).
'use strict';

const CLASS_COLORS = [[232, 135, 30], [31, 119, 180], [44, 160, 44], [148, 103, 189], [214, 39, 40]];
const NUMBER_FIELDS = ['samples', 'validationSplit', 'dropout', 'seed', 'learningRate', 'batchSize', 'epochs',
  'speed', 'l1', 'l2', 'patience'];
const TEXT_FIELDS = ['dataset', 'activation', 'loss', 'optimizer'];

const $ = (id) => document.getElementById(id);

let session = null;
let events = null;
let run = null;        // the 'run' event of the current run
let state = null;      // its state word
let frame = null;      // its latest frame
let dirty = true;      // the form changed since the current run was made
let drawPending = false;
let previewTimer = null;

// ---- talking to the server ----

async function api(path, method = 'GET', body) {
  const init = {method, headers: {}};
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (!response.ok) {
    throw new Error(json.error || ('HTTP ' + response.status));
  }
  return json;
}

async function act(path, body) {
  try {
    const result = await api(`/api/sessions/${session}/${path}`, 'POST', body === undefined ? {} : body);
    showError(null);
    return result;
  } catch (e) {
    showError(e.message);
    return null;
  }
}

function showError(message) {
  const box = $('error');
  box.hidden = !message;
  box.textContent = message || '';
}

async function connect() {
  const created = await api('/api/sessions', 'POST', {});
  session = created.session;
  events = new EventSource(`/api/sessions/${session}/events`);
  events.addEventListener('hello', () => {
    setButtons(true);
    preview();
  });
  events.addEventListener('run', (e) => onRun(JSON.parse(e.data)));
  events.addEventListener('state', (e) => onState(JSON.parse(e.data)));
  events.addEventListener('frame', (e) => {
    const data = JSON.parse(e.data);
    if (run && data.run === run.run) {
      frame = data;
      scheduleDraw();
    }
  });
  events.onerror = () => {
    if (events.readyState === EventSource.CLOSED) {
      setButtons(false);
      $('state').textContent = 'disconnected';
      showError('The connection to the playground was lost (was the server stopped?). Reload the page.');
    }
  };
}

// ---- the form ----

function fill(select, items, describe) {
  select.replaceChildren(...items.map((item) => {
    const option = document.createElement('option');
    option.value = item.name;
    option.textContent = describe ? describe(item) : item.name;
    option.title = item.description || (item.origin ? item.origin : '');
    return option;
  }));
}

function applySettings(settings) {
  for (const id of TEXT_FIELDS.concat(NUMBER_FIELDS)) {
    $(id).value = settings[id];
  }
  $('noise').value = settings.noise === null ? '' : settings.noise;
  $('layers').value = settings.layers.join(',');
  $('earlyStopping').checked = settings.earlyStopping;
  showGenerated();
}

function showGenerated() {
  const generated = !['xor', 'and', 'or'].includes($('dataset').value);
  for (const label of document.querySelectorAll('.generated')) {
    label.hidden = !generated;
  }
}

function numberOf(id) {
  const text = $(id).value.trim();
  return text === '' || isNaN(Number(text)) ? text : Number(text);
}

/** The form as the server takes it; what is not a number is sent as typed, so the server's message names it. */
function collect() {
  const settings = {};
  for (const id of TEXT_FIELDS) {
    settings[id] = $(id).value;
  }
  for (const id of NUMBER_FIELDS) {
    settings[id] = numberOf(id);
  }
  settings.noise = $('noise').value.trim() === '' ? null : numberOf('noise');
  settings.layers = $('layers').value.split(/[\s,]+/).filter((t) => t !== '')
    .map((t) => (/^\d+$/.test(t) ? Number(t) : t));
  settings.earlyStopping = $('earlyStopping').checked;
  return settings;
}

/** Shows the untrained network for the form's settings (a run paused at epoch 0), unless one is training. */
async function preview() {
  if (dirty && state !== 'running') {
    await act('reset', collect());
  }
}

/** A button was pressed: it decides what happens, not a preview still waiting to run. */
function cancelPreview() {
  clearTimeout(previewTimer);
  previewTimer = null;
}

function setButtons(enabled) {
  for (const id of ['start', 'pause', 'step', 'reset']) {
    $(id).disabled = !enabled;
  }
  if (enabled) {
    $('pause').disabled = state !== 'running';
    $('start').textContent = state === 'paused' && !dirty && frame && frame.epoch > 0 ? 'Resume' : 'Start';
  }
}

// ---- events ----

function onRun(data) {
  run = data;
  frame = null;
  state = null;
  dirty = false;
  $('network-caption').textContent = `${data.network}; loss ${data.loss}, optimizer ${data.optimizer}`
    + (data.regularizer ? `, ${data.regularizer}` : '') + `; ${data.trainRows} training rows`
    + (data.validationRows ? `, ${data.validationRows} validation rows` : '');
  $('boundary-caption').textContent = data.task === 'classification'
    ? 'Decision boundary (filled: training rows, hollow: validation rows)'
    : 'Regression fit (filled: training rows, hollow: validation rows)';
  $('message').textContent = '';
  showStats();
  scheduleDraw();
}

function onState(data) {
  if (!run || data.run !== run.run) {
    return;
  }
  state = data.state;
  document.body.dataset.state = state;
  $('state').textContent = state;
  if (data.message) {
    $('message').textContent = data.state === 'failed' ? '' : data.message;
    if (data.state === 'failed') {
      showError('Training failed: ' + data.message);
    }
  }
  setButtons(true);
}

function showStats() {
  const f = frame;
  const percent = (v) => (v === null || v === undefined ? '–' : (100 * v).toFixed(1) + '%');
  const value = (v) => (v === null || v === undefined ? '–' : Number(v).toPrecision(4));
  $('epoch').textContent = f ? `${f.epoch} / ${f.epochs}` : '–';
  $('loss-value').textContent = f ? value(f.loss) : '–';
  $('validation-loss').textContent = f ? value(f.validationLoss) : '–';
  $('accuracy').textContent = f ? percent(f.accuracy) : '–';
  $('validation-accuracy').textContent = f ? percent(f.validationAccuracy) : '–';
}

function scheduleDraw() {
  if (!drawPending) {
    drawPending = true;
    requestAnimationFrame(() => {
      drawPending = false;
      showStats();
      setButtons(!!session);
      drawBoundary();
      drawNetwork();
      drawLosses();
    });
  }
}

// ---- drawing ----

function context(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || canvas.width;
  const height = canvas.clientHeight || canvas.height;
  if (canvas.width !== Math.round(width * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
  }
  const ctx = canvas.getContext('2d');
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return {ctx, width, height};
}

function rgb(c, alpha = 1) {
  return `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${alpha})`;
}

function mix(c, t) { // c faded towards white: t = 0 white, 1 the colour
  return [255 + (c[0] - 255) * t, 255 + (c[1] - 255) * t, 255 + (c[2] - 255) * t];
}

function drawBoundary() {
  const {ctx, width, height} = context($('boundary'));
  if (!run) {
    return;
  }
  const [xMin, xMax, yMin, yMax] = run.extent;
  const px = (x) => ((x - xMin) / (xMax - xMin)) * width;
  const py = (y) => height - ((y - yMin) / (yMax - yMin)) * height;
  const prediction = frame && frame.prediction;
  if (run.task === 'classification') {
    if (prediction) {
      const n = prediction.size;
      const image = new ImageData(n, n);
      for (let cell = 0; cell < n * n; cell++) {
        let color;
        if (prediction.class) {
          const k = run.classes.length;
          const strength = Math.max(0, (prediction.p[cell] - 1 / k) / (1 - 1 / k));
          color = mix(CLASS_COLORS[prediction.class[cell] % CLASS_COLORS.length], 0.15 + 0.5 * strength);
        } else {
          const p = prediction.p[cell];
          const c = p >= 0.5 ? CLASS_COLORS[1] : CLASS_COLORS[0];
          color = mix(c, 0.15 + 0.5 * Math.abs(2 * p - 1));
        }
        image.data.set([color[0], color[1], color[2], 255], cell * 4);
      }
      const small = document.createElement('canvas');
      small.width = n;
      small.height = n;
      small.getContext('2d').putImageData(image, 0, 0);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(small, 0, 0, width, height);
    }
  } else {
    ctx.strokeStyle = '#eee';
    for (let i = 1; i < 10; i++) {
      ctx.beginPath();
      ctx.moveTo((i * width) / 10, 0);
      ctx.lineTo((i * width) / 10, height);
      ctx.moveTo(0, (i * height) / 10);
      ctx.lineTo(width, (i * height) / 10);
      ctx.stroke();
    }
  }
  const few = run.points.train.x.length <= 12;
  const radius = few ? 7 : 3.2;
  for (const [points, hollow] of [[run.points.train, false], [run.points.validation, true]]) {
    if (!points) {
      continue;
    }
    for (let i = 0; i < points.x.length; i++) {
      const color = run.task === 'classification' ? CLASS_COLORS[points.c[i] % CLASS_COLORS.length] : [90, 90, 90];
      ctx.beginPath();
      ctx.arc(px(points.x[i]), py(points.y[i]), radius, 0, 2 * Math.PI);
      ctx.fillStyle = hollow ? 'white' : rgb(color);
      ctx.strokeStyle = hollow ? rgb(color) : 'white';
      ctx.lineWidth = hollow ? 1.6 : 1;
      ctx.fill();
      ctx.stroke();
    }
  }
  if (run.task === 'regression' && prediction) {
    ctx.beginPath();
    for (let i = 0; i < prediction.x.length; i++) {
      const x = px(prediction.x[i]);
      const y = py(prediction.y[i]);
      if (i === 0) {
        ctx.moveTo(x, y);
      } else {
        ctx.lineTo(x, y);
      }
    }
    ctx.strokeStyle = rgb(CLASS_COLORS[1]);
    ctx.lineWidth = 3;
    ctx.stroke();
  }
  ctx.fillStyle = '#555';
  ctx.font = '11px sans-serif';
  ctx.fillText(xMin.toFixed(2), 3, height - 4);
  ctx.fillText(xMax.toFixed(2), width - 32, height - 4);
  ctx.fillText(yMax.toFixed(2), 3, 12);
}

function drawNetwork() {
  const {ctx, width, height} = context($('network'));
  if (!run) {
    return;
  }
  const widths = run.widths;
  const layers = frame ? frame.weights : null;
  const margin = 26;
  const columnX = (l) => margin + (l * (width - 2 * margin)) / (widths.length - 1);
  // Each layer spread over the height on its own, so two inputs are not squeezed by a wide hidden layer.
  const gap = (l) => Math.min(56, (height - 24) / Math.max(1, widths[l] - 1));
  const nodeY = (l, i) => height / 2 + (i - (widths[l] - 1) / 2) * gap(l);
  const radius = Math.max(1.5, Math.min(11, Math.min(...widths.map((w, l) => gap(l))) * 0.35));
  let maxAbs = 1e-9;
  if (layers) {
    for (const layer of layers) {
      for (const w of layer.w) {
        maxAbs = Math.max(maxAbs, Math.abs(w));
      }
    }
  }
  for (let l = 0; l + 1 < widths.length; l++) {
    for (let i = 0; i < widths[l]; i++) {
      for (let j = 0; j < widths[l + 1]; j++) {
        const w = layers ? layers[l].w[i * widths[l + 1] + j] : 0;
        const t = Math.abs(w) / maxAbs;
        ctx.beginPath();
        ctx.moveTo(columnX(l), nodeY(l, i));
        ctx.lineTo(columnX(l + 1), nodeY(l + 1, j));
        ctx.strokeStyle = layers ? rgb(w >= 0 ? CLASS_COLORS[1] : CLASS_COLORS[0], 0.2 + 0.8 * t) : '#ccc';
        ctx.lineWidth = layers ? 0.4 + 5 * t : 0.5;
        ctx.stroke();
      }
    }
  }
  for (let l = 0; l < widths.length; l++) {
    const bias = layers && l > 0 ? layers[l - 1].b : null;
    let biasMax = 1e-9;
    if (bias) {
      for (const b of bias) {
        biasMax = Math.max(biasMax, Math.abs(b));
      }
    }
    for (let i = 0; i < widths[l]; i++) {
      ctx.beginPath();
      ctx.arc(columnX(l), nodeY(l, i), radius, 0, 2 * Math.PI);
      const b = bias ? bias[i] : 0;
      ctx.fillStyle = bias ? rgb(mix(b >= 0 ? CLASS_COLORS[1] : CLASS_COLORS[0], 0.15 + 0.6 * Math.abs(b) / biasMax))
        : '#fff';
      ctx.strokeStyle = '#444';
      ctx.lineWidth = 1;
      ctx.fill();
      ctx.stroke();
    }
  }
  ctx.fillStyle = '#555';
  ctx.font = '11px sans-serif';
  const inputs = widths[0] === 1 ? ['x'] : ['x₁', 'x₂'];
  inputs.forEach((name, i) => ctx.fillText(name, 2, nodeY(0, i) + 4));
  ctx.fillText('ŷ', width - 14, height / 2 + 4);
}

function drawLosses() {
  const {ctx, width, height} = context($('losses'));
  if (!frame || !frame.curve) {
    return;
  }
  const curve = frame.curve;
  const last = Math.max(1, curve.epoch[curve.epoch.length - 1]);
  let top = 1e-9;
  for (const series of [curve.loss, curve.validationLoss]) {
    for (const v of series || []) {
      if (v !== null && isFinite(v)) {
        top = Math.max(top, v);
      }
    }
  }
  top *= 1.05;
  const left = 44;
  const bottom = height - 18;
  const px = (e) => left + ((e / last) * (width - left - 8));
  const py = (v) => bottom - (v / top) * (bottom - 8);
  ctx.strokeStyle = '#999';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(left, 4);
  ctx.lineTo(left, bottom);
  ctx.lineTo(width - 4, bottom);
  ctx.stroke();
  ctx.fillStyle = '#555';
  ctx.font = '11px sans-serif';
  ctx.fillText(top.toPrecision(3), 2, 12);
  ctx.fillText('0', left - 12, bottom);
  ctx.fillText(`epoch ${last}`, width - 70, height - 4);
  const series = [[curve.loss, CLASS_COLORS[1], []], [curve.validationLoss, CLASS_COLORS[0], [5, 4]]];
  for (const [values, color, dash] of series) {
    if (!values) {
      continue;
    }
    ctx.beginPath();
    let started = false;
    for (let i = 0; i < values.length; i++) {
      if (values[i] === null) {
        continue;
      }
      const x = px(curve.epoch[i]);
      const y = py(values[i]);
      if (started) {
        ctx.lineTo(x, y);
      } else {
        ctx.moveTo(x, y);
        started = true;
      }
    }
    ctx.setLineDash(dash);
    ctx.strokeStyle = rgb(color);
    ctx.lineWidth = 2;
    ctx.stroke();
    ctx.setLineDash([]);
  }
}

// ---- buttons ----

async function start() {
  cancelPreview();
  if (run && state === 'paused' && !dirty && frame && frame.epoch > 0) {
    await act('resume');
  } else {
    await act('start', collect());
  }
}

async function step() {
  cancelPreview();
  if (!run || dirty || !['paused', 'running'].includes(state)) {
    if (!(await act('reset', collect()))) {
      return;
    }
  }
  await act('step');
}

function formChanged() {
  dirty = true;
  showGenerated();
  setButtons(true);
  clearTimeout(previewTimer);
  previewTimer = setTimeout(preview, 400);
}

async function init() {
  $('start').addEventListener('click', start);
  $('pause').addEventListener('click', () => act('pause'));
  $('step').addEventListener('click', step);
  $('reset').addEventListener('click', () => {
    cancelPreview();
    act('reset', collect());
  });
  try {
    const options = await api('/api/options');
    fill($('dataset'), options.datasets, (d) => d.label);
    fill($('activation'), options.activations);
    fill($('loss'), [{name: 'auto', description: 'binary cross-entropy, cross-entropy or mse, by task'}]
      .concat(options.losses));
    fill($('optimizer'), options.optimizers);
    applySettings(options.defaults);
    $('settings').addEventListener('input', formChanged);
    $('settings').addEventListener('change', formChanged);
    await connect();
  } catch (e) {
    showError('Cannot reach the playground server: ' + e.message);
  }
  window.addEventListener('resize', scheduleDraw);
}

init();
