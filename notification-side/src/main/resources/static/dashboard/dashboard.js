'use strict';

// The live-events page (docs/api/stream.md). A browser's EventSource cannot send
// Authorization, so the page trades the STREAM key, sent only in that header, for a
// short-lived stream token (POST /events/stream/tokens) and opens
// GET /events/stream?access_token=<token>. A token only opens a stream: the page asks for
// a new one whenever it opens again, resuming after the last id it showed.
(function () {
  const TOKENS = '/events/stream/tokens';
  const STREAM = '/events/stream';
  const CATALOGUE = '/schemas';
  const MAX_ROWS = 500;
  const MAX_NOTICES = 50;
  const MAX_RETRY_MS = 60000;

  const element = (id) => document.getElementById(id);

  let key = null; // in this page's memory only, never stored, never in a URL
  let filter = '';
  let typeNames = [];
  let source = null;
  let lastId = null;
  let failures = 0;
  let timer = null;
  let count = 0;
  let opens = 0;
  // Bumped by every start and stop, so that a late answer of an earlier run does nothing.
  let run = 0;

  function setState(state, text) {
    const output = element('state');
    output.dataset.state = state;
    output.textContent = text;
  }

  function notice(text, kind) {
    const list = element('notices');
    const item = document.createElement('li');
    item.textContent = new Date().toLocaleTimeString() + ' ' + text;
    if (kind) {
      item.className = kind;
    }
    list.prepend(item);
    while (list.children.length > MAX_NOTICES) {
      list.lastElementChild.remove();
    }
  }

  function authorization() {
    return { Authorization: 'Bearer ' + key };
  }

  async function problemOf(response) {
    let detail = response.statusText;
    try {
      const body = await response.json();
      detail = body.detail || body.title || detail;
    }
    catch (ignored) {
      // Not a problem body: the status says enough.
    }
    return { status: response.status, detail: response.status + ' ' + detail };
  }

  async function request(path, options) {
    try {
      return await fetch(path, Object.assign({ cache: 'no-store', credentials: 'omit' }, options));
    }
    catch (unreachable) {
      throw { status: 0, detail: 'The server cannot be reached.' };
    }
  }

  // EventSource hands an event with a name only to listeners of that name, and every
  // event is named by its type: the page listens for every type in the catalogue.
  async function eventTypes() {
    const response = await request(CATALOGUE, { headers: authorization() });
    if (response.ok) {
      return (await response.json()).types.map((entry) => entry.type);
    }
    if (response.status === 401 || response.status === 403) {
      throw await problemOf(response);
    }
    // A notification side deployed alone serves no catalogue: exact types still work.
    const exact = filter.split(',').map((type) => type.trim()).filter((type) => type && !type.includes('*'));
    if (exact.length === 0) {
      throw { status: response.status, detail: 'The event catalogue (GET /schemas) cannot be read here: '
          + 'enter exact event types, such as order.created.' };
    }
    notice('The event catalogue cannot be read here: listening for ' + exact.join(', ') + ' only.');
    return exact;
  }

  async function streamToken() {
    const response = await request(TOKENS, { method: 'POST', headers: authorization() });
    if (response.status !== 201) {
      throw await problemOf(response);
    }
    return (await response.json()).token;
  }

  function show(event) {
    lastId = event.lastEventId;
    let envelope = {};
    try {
      envelope = JSON.parse(event.data);
    }
    catch (ignored) {
      // Shown with what the event itself says.
    }
    const row = document.createElement('tr');
    row.dataset.id = event.lastEventId;
    row.dataset.type = event.type;
    row.dataset.subject = envelope.subject || '';
    row.title = 'event ' + (envelope.eventId || '');
    for (const text of [event.lastEventId, event.type, envelope.subject || '', envelope.timestamp || '']) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    const rows = element('events');
    rows.prepend(row);
    while (rows.children.length > MAX_ROWS) {
      rows.lastElementChild.remove();
    }
    element('count').textContent = String(++count);
  }

  function streamUrl(token) {
    const params = new URLSearchParams();
    if (filter) {
      params.set('types', filter);
    }
    if (lastId !== null) {
      // A new EventSource sends no Last-Event-ID: resume with the first-connection parameter.
      params.set('after', lastId);
    }
    params.set('access_token', token);
    return STREAM + '?' + params.toString();
  }

  async function open(current) {
    timer = null;
    setState(opens === 0 ? 'connecting' : 'reconnecting', opens === 0 ? 'connecting' : 'reconnecting');
    let token;
    try {
      token = await streamToken();
    }
    catch (problem) {
      if (current !== run) {
        return;
      }
      if (problem.status === 401 || problem.status === 403) {
        fail(problem);
      }
      else {
        retryLater(current, problem.detail);
      }
      return;
    }
    if (current !== run) {
      return;
    }
    const stream = new EventSource(streamUrl(token));
    source = stream;
    element('opens').textContent = String(++opens);
    stream.onopen = () => {
      if (source === stream) {
        failures = 0;
        setState('open', 'connected');
        if (lastId != null) {
          notice('Resumed from event ' + lastId + '.');
        }
      }
    };
    stream.onerror = () => {
      if (source !== stream) {
        return;
      }
      if (stream.readyState === EventSource.CONNECTING) {
        // The browser reconnects by itself, with Last-Event-ID, while the token is valid.
        setState('reconnecting', 'reconnecting');
        return;
      }
      // The browser gave up: an answer other than 200, such as 401 for an expired token or
      // 429 for too many streams. Open again with a new token.
      stream.close();
      source = null;
      retryLater(current, 'The stream could not be opened.');
    };
    for (const type of typeNames) {
      stream.addEventListener(type, show);
    }
    stream.addEventListener('position-too-old', (event) => {
      const told = JSON.parse(event.data);
      notice('History lost: events after ' + told.requested + ' up to ' + told.oldest + ' were not replayed: read them from '
          + 'GET /audit/events. ' + (told.detail || ''), 'problem');
    });
    stream.addEventListener('stream-closed', (event) => {
      if (source !== stream) {
        return;
      }
      const reason = JSON.parse(event.data).reason;
      stream.close();
      source = null;
      // Reopen at once after a planned end (lifetime); after a shutdown or a slow read, wait
      // like the server's retry hint (2 s plus up to 3 s), so that clients spread out.
      const wait = reason === 'lifetime' ? 0 : 2000 + Math.random() * 3000;
      notice('The server closed the stream (' + reason + '): reopening after event ' + (lastId ?? 'none') + '.');
      setState('reconnecting', 'reconnecting');
      timer = setTimeout(() => open(current), wait);
    });
  }

  function retryLater(current, why) {
    failures++;
    const wait = Math.min(MAX_RETRY_MS, 1000 * 2 ** failures) + Math.random() * 1000;
    notice(why + ' Trying again in ' + Math.round(wait / 1000) + ' s.', 'problem');
    setState('reconnecting', 'reconnecting');
    timer = setTimeout(() => {
      if (current === run) {
        open(current);
      }
    }, wait);
  }

  function fail(problem) {
    stop();
    setState('error', 'refused');
    notice(problem.detail, 'problem');
  }

  function stop() {
    run++;
    clearTimeout(timer);
    timer = null;
    if (source) {
      source.close();
      source = null;
    }
    key = null;
    setState('idle', 'not connected');
    element('start').disabled = false;
    element('stop').disabled = true;
  }

  async function start(event) {
    event.preventDefault();
    stop();
    const current = run;
    key = element('key').value.trim();
    element('key').value = '';
    filter = element('types').value.trim();
    lastId = null;
    failures = 0;
    element('start').disabled = true;
    element('stop').disabled = false;
    setState('connecting', 'connecting');
    try {
      typeNames = await eventTypes();
    }
    catch (problem) {
      if (current === run) {
        fail(problem);
      }
      return;
    }
    if (current === run) {
      open(current);
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    element('connect').addEventListener('submit', start);
    element('stop').addEventListener('click', () => {
      stop();
      notice('Stopped.');
    });
  });
}());
