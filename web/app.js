// casus workbench: one page per view, each showing the JSON document the command line prints
// with --json (fetched from /api/…). No framework, no network beyond this server.
'use strict';

// ---- small helpers --------------------------------------------------------------------------

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'className') node.className = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

class ApiError extends Error {
  constructor(body, status) {
    super(body.error || `HTTP ${status}`);
    this.body = body;
    this.status = status;
  }
}

async function api(path, options) {
  const response = await fetch(path, options);
  const body = await response.json();
  if (!response.ok) throw new ApiError(body, response.status);
  return body;
}

function errorBox(error) {
  const lines = [error.message];
  if (error.body && error.body.hint) lines.push('hint: ' + error.body.hint);
  for (const diagnostic of (error.body && error.body.diagnostics) || []) {
    lines.push(`${diagnostic.file}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.severity}: ${diagnostic.message}`);
  }
  return el('div', {className: 'error-box', role: 'alert'}, lines.join('\n'));
}

function setPage(main, ...children) {
  main.replaceChildren(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false));
}

function list(values) { return values && values.length ? values.join(', ') : '—'; }

function counts(findingCounts) {
  const badges = [];
  for (const severity of ['error', 'warning', 'note']) {
    const count = findingCounts[severity] || 0;
    if (count) badges.push(el('span', {className: `badge ${severity}`, title: `${count} ${severity}${count === 1 ? '' : 's'}`}, `${count} ${severity[0].toUpperCase()}`));
  }
  return badges.length ? badges : el('span', {className: 'badge ok'}, 'none');
}

function params() {
  const hash = location.hash.replace(/^#/, '');
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  return new URLSearchParams(query);
}

function query(pairs) {
  const search = new URLSearchParams();
  for (const [key, value] of pairs) search.append(key, value);
  return search.toString();
}

let libraryCache = null;
async function library() {
  if (!libraryCache) libraryCache = api('/api/library');
  return libraryCache;
}

let rulesCache = null;
async function rules() {
  if (!rulesCache) rulesCache = api('/api/rules').then((document) => new Map(document.rules.map((rule) => [rule.rule, rule])));
  return rulesCache;
}

function download(name, text, type) {
  const link = el('a', {href: URL.createObjectURL(new Blob([text], {type})), download: name});
  document.body.append(link);
  link.click();
  link.remove();
}

// A link that downloads the API document as the command's --csv table (same document, one converter).
function csvLink(apiPath, name, id) {
  const separator = apiPath.includes('?') ? '&' : '?';
  return el('a', {className: 'button secondary', id, href: `${apiPath}${separator}format=csv`, download: name}, 'Download CSV');
}

// ---- Library ----------------------------------------------------------------------------------

async function libraryPage(main) {
  const document_ = await library();
  const instruments = document_.instruments;
  const distinct = (pick) => [...new Set(instruments.flatMap(pick))].sort();
  const filters = {
    party: el('select', {id: 'filter-party'}, el('option', {value: ''}, 'any'), distinct((i) => i.obligated).map((p) => el('option', {value: p}, p))),
    protects: el('select', {id: 'filter-protects'}, el('option', {value: ''}, 'any'), distinct((i) => i.protected).map((p) => el('option', {value: p}, p))),
    status: el('select', {id: 'filter-status'}, el('option', {value: ''}, 'any'), distinct((i) => [i.status]).map((p) => el('option', {value: p}, p))),
    form: el('select', {id: 'filter-form'}, el('option', {value: ''}, 'any'), distinct((i) => [i.form]).map((p) => el('option', {value: p}, p))),
    text: el('input', {id: 'filter-text', type: 'search', placeholder: 'id or title'}),
  };
  const body = el('tbody');
  const selected = new Set();
  const compareButton = el('button', {id: 'compare-selected', disabled: true, onclick: () => {
    location.hash = '#/compare?' + query([...selected].map((id) => ['i', id]));
  }}, 'Compare selected');
  const shown = el('span', {className: 'muted'});
  function render() {
    body.replaceChildren();
    const text = filters.text.value.trim().toLowerCase();
    let count = 0;
    for (const instrument of instruments) {
      if (filters.party.value && !instrument.obligated.includes(filters.party.value)) continue;
      if (filters.protects.value && !instrument.protected.includes(filters.protects.value)) continue;
      if (filters.status.value && instrument.status !== filters.status.value) continue;
      if (filters.form.value && instrument.form !== filters.form.value) continue;
      if (text && !(instrument.id + ' ' + instrument.title).toLowerCase().includes(text)) continue;
      ++count;
      const box = el('input', {type: 'checkbox', 'aria-label': 'select ' + instrument.id, checked: selected.has(instrument.id), onchange: (event) => {
        if (event.target.checked) selected.add(instrument.id); else selected.delete(instrument.id);
        compareButton.disabled = selected.size < 1;
      }});
      const primary = instrument.primary_clause;
      body.append(el('tr', {'data-id': instrument.id},
        el('td', {}, box),
        el('td', {}, el('a', {href: '#/instrument/' + instrument.id}, instrument.id)),
        el('td', {}, instrument.title),
        el('td', {}, instrument.form),
        el('td', {}, instrument.status + (instrument.hypothetical ? ' (as if in force)' : '')),
        el('td', {}, instrument.binding),
        el('td', {}, list(instrument.obligated)),
        el('td', {}, list(instrument.protected)),
        el('td', {}, primary ? `${primary.duty} (${primary.cite})` : '—'),
        el('td', {className: 'findings'}, counts(instrument.findings.counts))));
    }
    shown.textContent = `${count} of ${instruments.length} instruments`;
  }
  for (const control of Object.values(filters)) control.addEventListener('input', render);
  setPage(main, 
    el('h1', {}, 'Library'),
    el('p', {className: 'muted'}, 'Every instrument shipped with casus, summarised as ', el('code', {}, 'casus compare --json'), ' does. Click an id to read it clause by clause.'),
    el('div', {className: 'filters'},
      el('label', {}, 'guarantor / party', filters.party), el('label', {}, 'protects', filters.protects),
      el('label', {}, 'status', filters.status), el('label', {}, 'form', filters.form), el('label', {}, 'search', filters.text),
      compareButton, csvLink('/api/library', 'casus-library.csv', 'library-csv'), shown),
    el('table', {id: 'library'}, el('thead', {}, el('tr', {}, ['', 'id', 'title', 'form', 'status', 'binding', 'who owes', 'protects', 'strongest duty', 'lint'].map((h) => el('th', {}, h)))), body));
  render();
}

// ---- Instrument ------------------------------------------------------------------------------

function describeTrigger(trigger) {
  if (!trigger) return null;
  const parts = [list(trigger.events)];
  const threshold = trigger.threshold || {};
  const qualifiers = [threshold.scale, threshold.deliberate ? 'deliberate' : null, threshold.sustained ? 'sustained' : null].filter(Boolean);
  if (qualifiers.length) parts.push('threshold: ' + qualifiers.join(', '));
  if (trigger.area) parts.push('area: ' + trigger.area);
  if (trigger.activation && trigger.activation.length) parts.push('activates after: ' + list(trigger.activation));
  if (trigger.on_request) parts.push('on request');
  return parts.join('; ');
}

function describeDuty(duty) {
  if (!duty) return null;
  const parts = [duty.strength];
  if (duty.means && duty.means.length) parts.push('means: ' + list(duty.means) + (duty.means_choice ? ` (${duty.means_choice})` : ''));
  parts.push('deadline: ' + (duty.deadline || 'none stated'));
  if (duty.constitutional) parts.push('subject to constitutional processes');
  return parts.join('; ');
}

function describeDecision(decision) {
  if (!decision) return null;
  return [decision.rule, decision.by && decision.by.length ? 'by ' + list(decision.by) : null, decision.body].filter(Boolean).join('; ');
}

async function instrumentPage(main, id) {
  const [document_, catalogue] = await Promise.all([api('/api/show?' + query([['i', id]])), rules()]);
  const findingsByClause = new Map();
  for (const finding of document_.findings) {
    if (!findingsByClause.has(finding.clause)) findingsByClause.set(finding.clause, []);
    findingsByClause.get(finding.clause).push(finding);
  }
  function findingView(finding) {
    const rule = catalogue.get(finding.rule);
    return el('div', {className: 'finding', 'data-rule': finding.rule},
      el('details', {},
        el('summary', {}, el('span', {className: `badge ${finding.severity}`}, finding.severity), ` [${finding.rule}] ${finding.message} `, el('span', {className: 'muted mono'}, `line ${finding.line}:${finding.column}`)),
        rule ? el('div', {className: 'rationale'}, `fires when: ${rule.fires_when}\n\n${rule.rationale}`) : null));
  }
  const parties = document_.parties || {};
  const header = el('div', {},
    el('h1', {}, document_.title),
    el('p', {className: 'muted'}, `${document_.id} · ${document_.form} · ${document_.binding}` + (document_.status === document_.form ? '' : ` · ${document_.status}`) + (document_.hypothetical ? ' (adjudicated as if in force)' : '')),
    el('div', {className: 'toolbar'},
      el('a', {href: '#/compare?' + query([['i', id]])}, 'Compare with others'),
      el('a', {href: '#/adjudicate?' + query([['i', id]])}, 'Adjudicate a timeline'),
      el('a', {href: '#/draft?' + query([['from', id]])}, 'Edit a copy as a draft')),
    el('table', {className: 'facts'}, el('tbody', {},
      el('tr', {}, el('th', {}, 'signed'), el('td', {}, document_.signed || '—'), el('th', {}, 'in force'), el('td', {}, document_.in_force || '—')),
      el('tr', {}, el('th', {}, 'guarantors'), el('td', {}, list(parties.guarantors)), el('th', {}, 'beneficiaries'), el('td', {}, list(parties.beneficiaries))),
      el('tr', {}, el('th', {}, 'members'), el('td', {}, list(parties.members)), el('th', {}, 'adversaries'), el('td', {}, list(parties.adversaries))),
      el('tr', {}, el('th', {}, 'duration'), el('td', {}, document_.duration || '—'), el('th', {}, 'lint'), el('td', {}, counts(document_.findings.reduce((c, f) => ({...c, [f.severity]: (c[f.severity] || 0) + 1}), {})))))));
  const clauses = document_.clauses.map((clause) => {
    const read = [['kind', clause.kind], ['obliges', list(clause.obligated)], ['protects', list(clause.protected)],
      ['trigger', describeTrigger(clause.trigger)], ['attribution', clause.trigger && clause.trigger.attribution ? describeDecision(clause.trigger.attribution) : null],
      ['duty', describeDuty(clause.duty)], ['decision', describeDecision(clause.decision)],
      ['forces', clause.forces ? `${list(clause.forces.by)} in ${list(clause.forces.where)}` : null],
      ['not encoded', clause.unencoded && clause.unencoded.length ? (Array.isArray(clause.unencoded) ? clause.unencoded.join('; ') : clause.unencoded) : null]]
      .filter(([, value]) => value);
    return el('section', {className: 'clause', id: 'clause-' + clause.id},
      el('h3', {}, `${clause.cite} `, el('span', {className: 'muted mono'}, `${clause.id} · line ${clause.line}`)),
      el('div', {className: 'words'}, `“${clause.text}”`),
      el('div', {className: 'read'}, el('dl', {}, read.map(([key, value]) => [el('dt', {}, key), el('dd', {}, value)]))),
      (findingsByClause.get(clause.id) || []).map(findingView));
  });
  const general = findingsByClause.get('') || [];
  setPage(main, header,
    general.length ? el('section', {className: 'clause'}, el('h3', {}, 'The instrument as a whole'), general.map(findingView)) : null,
    el('h2', {}, 'Clause by clause: the words, and what casus read'), clauses);
}

// ---- Compare ---------------------------------------------------------------------------------

function picker(instruments, chosen, name) {
  return el('div', {className: 'pick', id: name}, instruments.map((instrument) =>
    el('label', {}, el('input', {type: 'checkbox', value: instrument.id, checked: chosen.includes(instrument.id)}), ' ' + instrument.id)));
}

function picked(container) { return [...container.querySelectorAll('input:checked')].map((box) => box.value); }

async function comparePage(main) {
  const chosen = params().getAll('i');
  const all = (await library()).instruments;
  const pick = picker(all, chosen, 'compare-pick');
  const result = el('div', {id: 'compare-result'});
  setPage(main, el('h1', {}, 'Compare'),
    el('p', {className: 'muted'}, 'Pick instruments; the table is ', el('code', {}, 'casus compare --json'), '.'), pick,
    el('div', {className: 'toolbar'}, el('button', {id: 'compare-run', onclick: () => { location.hash = '#/compare?' + query(picked(pick).map((id) => ['i', id])); }}, 'Compare')),
    result);
  if (!chosen.length) return;
  const document_ = await api('/api/compare?' + query(chosen.map((id) => ['i', id])));
  const rows = [
    ['title', (i) => i.title], ['form · binding', (i) => `${i.form} · ${i.binding}`], ['status', (i) => i.status + (i.hypothetical ? ' (as if in force)' : '')],
    ['who owes', (i) => list(i.obligated)], ['protects', (i) => list(i.protected)],
    ['strongest clause', (i) => i.primary_clause ? `${i.primary_clause.cite} (${i.primary_clause.kind})` : '—'],
    ['trigger', (i) => i.primary_clause ? list(i.primary_clause.events) + (i.primary_clause.threshold ? '; ' + i.primary_clause.threshold : '') : '—'],
    ['duty', (i) => i.primary_clause ? i.primary_clause.duty : '—'], ['deadline', (i) => i.primary_clause ? i.primary_clause.deadline || '—' : '—'],
    ['attackers', (i) => i.primary_clause && i.primary_clause.attackers ? (i.primary_clause.attackers.length ? list(i.primary_clause.attackers) : 'any') : '—'],
    ['void if', (i) => i.primary_clause && i.primary_clause.void_if ? (i.primary_clause.void_if.length ? list(i.primary_clause.void_if) : 'none') : '—'],
    ['attribution', (i) => i.primary_clause && i.primary_clause.attribution ? i.primary_clause.attribution : (i.primary_clause && i.primary_clause.events ? 'not stated' : '—')],
    ['decision', (i) => i.primary_clause ? i.primary_clause.decision || '—' : '—'], ['means', (i) => list(i.response_means)],
    ['forces', (i) => i.forces ? (i.forces.length ? i.forces.join('; ') : 'none') : '—'],
    ['who can block', (i) => list(i.veto_holders)], ['duration and exit', (i) => i.duration_and_exit],
    ['lint', (i) => counts(i.findings.counts)], ['rules fired', (i) => list(i.findings.rules)]];
  result.replaceChildren(el('div', {className: 'toolbar'}, csvLink('/api/compare?' + query(chosen.map((id) => ['i', id])), 'casus-compare.csv', 'compare-csv')),
    el('table', {id: 'compare-table'},
    el('thead', {}, el('tr', {}, el('th', {}, ''), document_.instruments.map((i) => el('th', {}, el('a', {href: '#/instrument/' + i.id}, i.id))))),
    el('tbody', {}, rows.map(([label, pick_]) => el('tr', {}, el('th', {}, label), document_.instruments.map((i) => el('td', {}, pick_(i))))))));
}

// ---- Adjudicate ------------------------------------------------------------------------------

// A cell of the incident × instrument matrix: the strongest status among the instrument's
// response clauses (owed > owed-once > not-owed, as in `casus adjudicate --json`), and breaches.
const statusOrder = ['owed', 'owed-once', 'not-owed'];
const statusWords = {'owed': 'owed', 'owed-once': 'owed once the conditions are met', 'not-owed': 'nothing owed', 'not-in-force': 'not in force'};

function verdictSummary(verdict) {
  if (!verdict.in_force) return {status: 'not-in-force', text: 'not in force', detail: verdict.in_force_reason};
  const count = (status) => verdict.clauses.filter((clause) => clause.status === status).length;
  const status = statusOrder.find((candidate) => count(candidate) > 0) || 'not-owed';
  const parts = [];
  if (count('owed')) parts.push(`${count('owed')} owed`);
  if (count('owed-once')) parts.push(`${count('owed-once')} owed once`);
  if (!parts.length) parts.push('nothing owed');
  const breached = count('breached');
  return {status, text: parts.join(' · '), detail: breached ? `${breached} restraint clause${breached === 1 ? '' : 's'} breached` : null};
}

function statusBadge(clause) {
  const className = {'owed': 'owed', 'owed-once': 'owed-once', 'breached': 'breached'}[clause.status] || 'no';
  return el('span', {className: 'badge ' + className}, clause.status);
}

function verdictDetail(incident, verdict) {
  return el('div', {className: 'detail', id: 'adjudicate-detail'},
    el('h2', {}, `${incident.id} × ${verdict.id}`),
    el('p', {className: 'muted'}, `${incident.at} · ${incident.kind} by ${incident.by} against ${incident.against} at ${incident.where} · ${verdict.in_force_reason}`),
    el('table', {}, el('thead', {}, el('tr', {}, ['clause', 'status', 'why', 'still needs', 'duties', 'decision', 'who can block'].map((h) => el('th', {}, h)))),
      el('tbody', {}, verdict.clauses.map((clause) => el('tr', {'data-status': clause.status},
        el('td', {}, `${clause.cite} (${clause.kind})`),
        el('td', {}, statusBadge(clause), clause.breached && clause.breached.length ? el('div', {className: 'muted'}, list(clause.breached)) : null),
        el('td', {}, clause.reason),
        el('td', {}, (clause.needs || []).map((need) => el('div', {}, need.text))),
        el('td', {}, (clause.duties || []).map((duty) => el('div', {}, `${duty.party}: ${duty.duty}` + (duty.deadline ? ` by ${duty.deadline}` : ', no deadline') + (duty.means && duty.means.length ? ` (${duty.means.join(', ')})` : '')))),
        el('td', {}, clause.decision ? `${clause.decision.rule}${clause.decision.body ? ' — ' + clause.decision.body : ''}` : '—'),
        el('td', {}, clause.decision ? list(clause.decision.veto_holders) + (clause.decision.attacker_can_block ? ' (the attacker can)' : '') : '—'))))));
}

async function adjudicatePage(main) {
  const search = params();
  const chosen = search.getAll('i');
  const [all, timelines] = await Promise.all([library(), api('/api/timelines')]);
  const timeline = search.get('t') || (timelines.timelines[0] && timelines.timelines[0].id);
  const select = el('select', {id: 'timeline'}, timelines.timelines.map((t) => el('option', {value: t.id, selected: t.id === timeline}, `${t.title} (${t.id}, ${t.incidents} incidents)`)));
  const asIf = el('input', {type: 'checkbox', id: 'as-if', checked: search.get('as_if_in_force') === '1'});
  const pick = picker(all.instruments, chosen, 'adjudicate-pick');
  const editor = el('textarea', {id: 'timeline-text', rows: 14, spellcheck: 'false', className: 'mono', style: null});
  const editing = el('details', {id: 'timeline-editor'}, el('summary', {}, 'Edit the timeline (the edit is adjudicated, not saved)'), editor);
  const result = el('div', {id: 'adjudicate-result'});
  function go() {
    const pairs = [['t', select.value], ...picked(pick).map((id) => ['i', id])];
    if (asIf.checked) pairs.push(['as_if_in_force', '1']);
    location.hash = '#/adjudicate?' + query(pairs);
  }
  setPage(main, el('h1', {}, 'Adjudicate'),
    el('p', {className: 'muted'}, 'Replay a timeline against instruments: the matrix is ', el('code', {}, 'casus adjudicate --json'), ' summarised; click a cell for the clauses.'),
    el('div', {className: 'filters'}, el('label', {}, 'timeline', select), el('label', {}, 'as if in force', asIf)), pick,
    editing,
    el('div', {className: 'toolbar'}, el('button', {id: 'adjudicate-run', onclick: () => {
      if (editing.open && editor.value) runEdited(); else go();
    }}, 'Adjudicate')),
    result);
  editing.addEventListener('toggle', async () => {
    if (editing.open && !editor.value) editor.value = (await api('/api/timeline?' + query([['t', select.value]]))).text;
  });
  async function show(document_, csvPath) {
    const instruments = document_.incidents.length ? document_.incidents[0].instruments.map((verdict) => verdict.id) : [];
    const detail = el('div');
    const table = el('table', {className: 'matrix', id: 'adjudicate-matrix'},
      el('thead', {}, el('tr', {}, el('th', {}, 'incident'), instruments.map((id) => el('th', {}, el('a', {href: '#/instrument/' + id}, id))))),
      el('tbody', {}, document_.incidents.map((incident) => el('tr', {'data-incident': incident.id},
        el('th', {}, incident.id, el('div', {className: 'muted'}, `${incident.at.slice(0, 10)} · ${incident.kind} · ${incident.where}`)),
        incident.instruments.map((verdict) => {
          const summary = verdictSummary(verdict);
          const cell = el('td', {className: `cell ${summary.status}`, 'data-instrument': verdict.id, 'data-status': summary.status, tabindex: 0,
            title: statusWords[summary.status]}, summary.text, summary.detail ? el('div', {className: 'sub'}, summary.detail) : null);
          cell.addEventListener('click', () => {
            table.querySelectorAll('td.selected').forEach((other) => other.classList.remove('selected'));
            cell.classList.add('selected');
            detail.replaceChildren(verdictDetail(incident, verdict));
          });
          return cell;
        })))));
    const json = JSON.stringify(document_, null, 2) + '\n';
    result.replaceChildren(
      el('div', {className: 'legend', id: 'adjudicate-legend'}, ['owed', 'owed-once', 'not-owed', 'not-in-force'].map((status) => el('span', {className: status}, statusWords[status]))),
      table,
      el('div', {className: 'toolbar'}, el('button', {className: 'secondary', onclick: () => download(`${document_.timeline}.adjudication.json`, json, 'application/json')}, 'Download JSON'),
        csvPath ? csvLink(csvPath, `${document_.timeline}.adjudication.csv`, 'adjudicate-csv') : null),
      detail);
  }
  async function runEdited() {
    const pairs = picked(pick).map((id) => ['i', id]);
    if (asIf.checked) pairs.push(['as_if_in_force', '1']);
    try {
      await show(await api('/api/adjudicate?' + query(pairs), {method: 'POST', body: editor.value, headers: {'Content-Type': 'text/plain'}}));
    } catch (error) {
      result.replaceChildren(errorBox(error));
    }
  }
  if (!chosen.length || !timeline) return;
  const pairs = [['t', timeline], ...chosen.map((id) => ['i', id])];
  if (asIf.checked) pairs.push(['as_if_in_force', '1']);
  try {
    await show(await api('/api/adjudicate?' + query(pairs)), '/api/adjudicate?' + query(pairs));
  } catch (error) {
    result.replaceChildren(errorBox(error));
  }
}

// ---- Draft editor ----------------------------------------------------------------------------

async function draftPage(main) {
  const search = params();
  const workspace = await api('/api/workspace');
  const name = el('input', {id: 'draft-name', value: search.get('name') || 'draft.toml', size: 24});
  const text = el('textarea', {id: 'draft-text', spellcheck: 'false', wrap: 'off', 'aria-label': 'instrument TOML'});
  const gutter = el('div', {className: 'gutter', id: 'draft-gutter', 'aria-hidden': 'true'});
  const status = el('div', {className: 'status', id: 'draft-status'});
  const diagnostics = el('ul', {className: 'diagnostics', id: 'draft-diagnostics'});
  const saved = el('span', {className: 'muted', id: 'draft-saved'});
  let marks = new Map();
  function renderGutter() {
    const lines = text.value.split('\n').length;
    gutter.replaceChildren(...Array.from({length: lines}, (_, index) => {
      const mark = marks.get(index + 1);
      return el('div', {className: mark || null, 'data-line': index + 1}, index + 1);
    }));
    gutter.scrollTop = text.scrollTop;
  }
  function goTo(line, column) {
    const lines = text.value.split('\n');
    let offset = 0;
    for (let index = 0; index < line - 1 && index < lines.length; ++index) offset += lines[index].length + 1;
    offset += Math.max(0, column - 1);
    text.focus();
    text.setSelectionRange(offset, offset);
  }
  function item(severity, line, column, message, hint) {
    return el('li', {'data-line': line, 'data-column': column, onclick: () => goTo(line, column)},
      el('span', {className: `badge ${severity}`}, severity), el('span', {className: 'where'}, ` ${line}:${column} `), message,
      hint ? el('div', {className: 'hint'}, 'hint: ' + hint) : null);
  }
  let generation = 0;
  async function check() {
    const mine = ++generation;
    const path = '/api/check?' + query([['name', name.value]]);
    const checked = await api(path, {method: 'POST', body: text.value, headers: {'Content-Type': 'text/plain'}});
    if (mine !== generation) return;
    const entry = checked.files[0];
    const items = [];
    marks = new Map();
    for (const diagnostic of entry.diagnostics) {
      items.push(item(diagnostic.severity, diagnostic.line, diagnostic.column, diagnostic.message, diagnostic.hint));
      marks.set(diagnostic.line, diagnostic.severity === 'error' ? 'bad' : 'warn');
    }
    if (entry.ok) {
      const linted = await api('/api/lint?' + query([['name', name.value]]), {method: 'POST', body: text.value, headers: {'Content-Type': 'text/plain'}});
      if (mine !== generation) return;
      const findings = linted.instruments[0].findings;
      for (const finding of findings) {
        items.push(item(finding.severity, finding.line, finding.column, `[${finding.rule}] ${finding.message}`));
        if (!marks.has(finding.line)) marks.set(finding.line, finding.severity === 'error' ? 'bad' : 'warn');
      }
      status.textContent = `loads: ${entry.id}, ${entry.clauses} clause${entry.clauses === 1 ? '' : 's'}; ${findings.length} lint finding${findings.length === 1 ? '' : 's'}`;
      status.style.color = 'var(--ok)';
    } else {
      status.textContent = `does not load: ${entry.diagnostics.length} error${entry.diagnostics.length === 1 ? '' : 's'}`;
      status.style.color = 'var(--error)';
    }
    diagnostics.replaceChildren(...items);
    renderGutter();
  }
  let timer = null;
  text.addEventListener('input', () => {
    renderGutter();
    clearTimeout(timer);
    timer = setTimeout(() => check().catch((error) => status.replaceChildren(errorBox(error))), 250);
  });
  text.addEventListener('scroll', () => { gutter.scrollTop = text.scrollTop; });
  async function save() {
    try {
      const result = await api('/api/workspace/file?' + query([['name', name.value]]), {method: 'PUT', body: text.value, headers: {'Content-Type': 'text/plain'}});
      saved.textContent = `saved as ${result.saved} (${result.bytes} bytes)`;
    } catch (error) {
      saved.replaceChildren(errorBox(error));
    }
  }
  const open = el('select', {id: 'draft-open'}, el('option', {value: ''}, 'open…'),
    workspace.files.map((file) => el('option', {value: file}, file)),
    (await library()).instruments.map((instrument) => el('option', {value: instrument.id}, 'library: ' + instrument.id)));
  open.addEventListener('change', async () => {
    if (!open.value) return;
    const source = open.value.startsWith('workspace/')
      ? await api('/api/workspace/file?' + query([['name', open.value.slice('workspace/'.length)]]))
      : await api('/api/source?' + query([['i', open.value]]));
    text.value = source.text;
    name.value = open.value.startsWith('workspace/') ? open.value.slice('workspace/'.length) : open.value + '-draft.toml';
    text.dispatchEvent(new Event('input'));
  });
  setPage(main, el('h1', {}, 'Draft editor'),
    el('p', {className: 'muted'}, 'Edit an instrument (docs/instrument-format.md). ', el('code', {}, 'casus check'), ' and ', el('code', {}, 'casus lint'),
      ' run as you type; click a diagnostic to go to its line and column. Saving writes only into the workspace folder (', workspace.workspace, ').'),
    el('div', {className: 'toolbar'}, open, el('label', {}, 'file name ', name), el('button', {id: 'draft-save', onclick: save}, 'Save to workspace'), saved),
    el('div', {className: 'editor'}, el('div', {className: 'code'}, gutter, text), el('div', {}, status, diagnostics)));
  const from = search.get('from') || search.get('open');
  if (from) {
    open.value = from.startsWith('workspace/') ? from : from;
    open.dispatchEvent(new Event('change'));
  } else {
    renderGutter();
  }
}

// ---- Simulate --------------------------------------------------------------------------------

async function simulatePage(main) {
  const search = params();
  const scenarios = (await api('/api/scenarios')).scenarios;
  const scenario = el('select', {id: 'sim-scenario'}, scenarios.map((s) => el('option', {value: s.id, selected: s.id === search.get('scenario')}, `${s.title || s.id} (${s.designs} designs)`)));
  const draws = el('input', {id: 'sim-draws', type: 'number', min: 100, max: 200000, step: 100, value: search.get('draws') || 20000});
  const seed = el('input', {id: 'sim-seed', type: 'number', min: 0, value: search.get('seed') || 20250817});
  const explain = el('input', {id: 'sim-explain', type: 'checkbox', checked: search.get('explain') === '1'});
  const result = el('div', {id: 'sim-result'});
  const controls = jobControls('sim', 'Simulate', result, () => {
    const pairs = [['scenario', scenario.value], ['draws', draws.value], ['seed', seed.value]];
    if (explain.checked) pairs.push(['explain', '1']);
    return '/api/simulate?' + query(pairs);
  }, showResult);
  async function showResult(id) {
    const document_ = await api('/api/simulate/result?job=' + id);
    const json = JSON.stringify(document_, null, 2) + '\n';
    result.replaceChildren(
      el('p', {className: 'muted'}, `scenario ${document_.scenario} · ${document_.draws} draws · seed ${document_.seed}: the same as `,
        el('code', {}, `casus simulate scenarios/${scenario.value}.toml --draws ${document_.draws} --seed ${document_.seed}${document_.designs.some((d) => d.explain) ? ' --explain' : ''} --json`)),
      el('div', {className: 'charts'},
        el('img', {id: 'chart-p-attack', alt: 'P(attack) by design', src: `/api/simulate/chart?job=${id}&chart=p-attack`}),
        el('img', {id: 'chart-response-mix', alt: 'response mix', src: `/api/simulate/chart?job=${id}&chart=response-mix`})),
      el('table', {id: 'sim-table'},
        el('thead', {}, el('tr', {}, ['design', 'P(attack)', '95% interval', 'P(collective armed response | attack)', 'triggered commitments'].map((h) => el('th', {}, h)))),
        el('tbody', {}, document_.designs.map((design) => el('tr', {},
          el('td', {}, design.id), el('td', {}, design.p_attack.toFixed(3)),
          el('td', {}, `${design.p_attack_ci95[0].toFixed(3)} – ${design.p_attack_ci95[1].toFixed(3)}`),
          el('td', {}, design.p_collective_armed_response.toFixed(3)), el('td', {}, design.triggered_commitments))))),
      el('div', {className: 'toolbar'}, el('button', {className: 'secondary', onclick: () => download(`${document_.scenario}.simulation.json`, json, 'application/json')}, 'Download JSON'),
        csvLink('/api/simulate/result?job=' + id, `${document_.scenario}.simulation.csv`, 'sim-csv')),
      ...(document_.designs.some((design) => design.explain) ? [explainView(document_)] : []));
  }
  setPage(main, el('h1', {}, 'Simulate'),
    el('p', {className: 'muted'}, 'The guarantee game over a scenario\'s designs (docs/guarantee-game.md), run in the background on the server; results are ', el('code', {}, 'casus simulate --json'), '.'),
    el('div', {className: 'filters'}, el('label', {}, 'scenario', scenario), el('label', {}, 'draws (at most 200000)', draws), el('label', {}, 'seed', seed), el('label', {}, 'explain (slower)', explain), controls.run, controls.cancel),
    el('div', {className: 'toolbar'}, controls.progress, controls.state), result);
}

// The explain view of `simulate --explain --json`: for each design, what lowers P(attack) from its
// value without the guarantee, by guarantor and means, and the one-clause changes that lower it most.
function fixed(value, digits = 3) { return typeof value === 'number' ? value.toFixed(digits) : '—'; }

function explainView(document_) {
  const explained = document_.designs.filter((design) => design.explain);
  // One scale for every bar of the view: P(attack) runs from 0 to the highest value without a guarantee.
  const top = Math.max(...explained.map((design) => design.explain.p_attack_without_guarantee), ...explained.map((design) => design.p_attack), 1e-9);
  return el('section', {id: 'sim-explain-view'}, el('h2', {}, 'Explain: what drives each design\'s P(attack)'),
    el('p', {className: 'muted'}, 'The fall from P(attack) without the guarantee is split between forces in place and each guarantor\'s means (the shares sum to the total); the best one-clause changes are simulated with the same seed (docs/guarantee-game.md, "Explain"). Bars of P(attack) share one scale, 0 to ', fixed(top), '; the reductions are drawn against the largest of each design. Click a design to open or close it.'),
    explained.map((design, index) => {
      const explain = design.explain;
      const largest = Math.max(...explain.contributions.map((c) => c.p_attack_reduction), 1e-9);  // this table's scale
      return el('details', {className: 'detail explain', 'data-design': design.id, open: index === 0},
        el('summary', {}, el('strong', {}, design.id), `: P(attack) ${fixed(design.p_attack)}, without the guarantee ${fixed(explain.p_attack_without_guarantee)}; forces in place lower it by ${fixed(explain.forces_p_attack_reduction)}`),
        el('table', {className: 'contributions bars'},
          el('thead', {}, el('tr', {}, ['guarantor', 'means', 'loss if used', 'P(used | attack)', 'expected loss', 'lowers P(attack) by'].map((h) => el('th', {}, h)))),
          el('tbody', {}, explain.contributions.map((c) => el('tr', {}, el('td', {}, c.guarantor), el('td', {}, c.means), el('td', {className: 'num'}, fixed(c.loss)),
            el('td', {className: 'num'}, fixed(c.p_used)), el('td', {className: 'num'}, fixed(c.expected_loss)), el('td', {}, valueBar(c.p_attack_reduction, largest)))))),
        el('table', {className: 'best-changes bars'},
          el('thead', {}, el('tr', {}, ['best one-clause change', 'clause', 'P(attack) before', 'after'].map((h) => el('th', {}, h)))),
          el('tbody', {}, (explain.best_changes || []).map((c) => el('tr', {}, el('td', {}, c.change), el('td', {}, [c.instrument, c.clause].filter(Boolean).join(' · ') || '—'),
            el('td', {}, valueBar(c.p_attack_before, top)), el('td', {}, valueBar(c.p_attack, top)))))));
    }));
}

// ---- Background jobs (simulate, robustness, sweep) ------------------------------------------

// Run and Cancel buttons, a progress bar and a state line for a job the server runs in the
// background: `start()` gives the POST that starts it; the page polls /api/job/status (which also
// keeps the job alive: one nobody asks about is cancelled) and calls `show(job)` once it is done.
function jobControls(prefix, label, result, start, show) {
  const progress = el('progress', {id: `${prefix}-progress`, max: 1, value: 0});
  const state = el('span', {id: `${prefix}-state`, className: 'muted'});
  const cancel = el('button', {id: `${prefix}-cancel`, className: 'secondary', disabled: true}, 'Cancel');
  const run = el('button', {id: `${prefix}-run`}, label);
  let job = null;
  cancel.addEventListener('click', async () => { if (job) await api('/api/job/cancel?job=' + job, {method: 'POST'}); });
  run.addEventListener('click', async () => {
    result.replaceChildren();
    try {
      job = (await api(start(), {method: 'POST'})).job;
    } catch (error) {
      result.replaceChildren(errorBox(error));
      return;
    }
    run.disabled = true;
    cancel.disabled = false;
    const mine = job;
    for (;;) {
      const status = await api('/api/job/status?job=' + mine);
      progress.max = Math.max(1, status.total);
      progress.value = status.done;
      state.textContent = `${status.state}: ${status.done} of ${status.total || '?'} ${status.unit}`;
      if (status.state !== 'running') {
        run.disabled = false;
        cancel.disabled = true;
        if (status.state === 'done') await show(mine);
        else if (status.state === 'failed') result.replaceChildren(errorBox(new ApiError(status, 200)));
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });
  return {run, cancel, progress, state};
}

// A job's --report page (its SVG charts, from report/svg_chart like every chart here) in a sandboxed frame.
function jobReportFrame(id, job, title) {
  return el('iframe', {id, className: 'job-report', src: '/api/job/view?' + query([['job', job], ['view', 'report']]), title, sandbox: ''});
}

function jsonButton(name, document_) {
  return el('button', {className: 'secondary', onclick: () => download(name, JSON.stringify(document_, null, 2) + '\n', 'application/json')}, 'Download JSON');
}

// A value as a bar with the value printed on it (readable without hover); `max` is the scale's end.
function valueBar(value, max, digits = 3) {
  const share = max > 0 ? Math.max(0, Math.min(1, value / max)) : 0;
  const fill = el('span', {className: 'fill'});
  fill.style.width = `${(100 * share).toFixed(1)}%`;  // the CSSOM, which the page's policy (no inline style) allows
  return el('div', {className: 'value-bar'}, fill, el('span', {className: 'label'}, fixed(value, digits)));
}

// ---- Robustness ------------------------------------------------------------------------------

async function robustnessPage(main) {
  const search = params();
  const scenarios = (await api('/api/scenarios')).scenarios;
  const scenario = el('select', {id: 'rob-scenario'}, scenarios.map((s) => el('option', {value: s.id, selected: s.id === search.get('scenario')}, `${s.title || s.id} (${s.designs} designs)`)));
  const method = el('select', {id: 'rob-method'}, ['sobol', 'morris'].map((m) => el('option', {value: m, selected: m === (search.get('method') || 'sobol')}, m)));
  const samples = el('input', {id: 'rob-samples', type: 'number', min: 2, max: 1024, value: search.get('samples') || 32});
  const draws = el('input', {id: 'rob-draws', type: 'number', min: 1, max: 200000, value: search.get('draws') || 1000});
  const seed = el('input', {id: 'rob-seed', type: 'number', min: 0, value: search.get('seed') || 1});
  const result = el('div', {id: 'rob-result'});
  const controls = jobControls('rob', 'Run', result,
    () => '/api/robustness?' + query([['scenario', scenario.value], ['method', method.value], ['samples', samples.value], ['draws', draws.value], ['seed', seed.value]]),
    async (job) => {
      const document_ = await api('/api/job/result?job=' + job);
      const sobol = document_.method === 'sobol';
      const ranking = document_.most_important;
      const score = (item) => sobol ? item.mean_total : item.mean_mu_star;
      const top = Math.max(...ranking.map(score), 1e-9);
      const meanings = new Map(document_.assumptions.map((a) => [a.name, a]));
      const worst = Math.max(...document_.designs.map((d) => d.mean_p_attack), 1e-9);
      result.replaceChildren(
        el('p', {className: 'muted'}, `${document_.scenario} · ${document_.method} · ${document_.samples} samples · ${document_.worlds} worlds · ${document_.draws} draws per design and world · seed ${document_.seed}: the same as `,
          el('code', {}, `casus robustness scenarios/${scenario.value}.toml --method ${document_.method} --samples ${document_.samples} --draws ${document_.draws} --seed ${document_.seed} --json`),
          sobol ? (document_.converged ? ' · converged' : ' · not converged: more samples would change the indices by more than the tolerance') : ''),
        el('h2', {}, 'Designs: mean P(attack) over the sampled worlds'),
        el('table', {id: 'rob-designs', className: 'bars'},
          el('thead', {}, el('tr', {}, ['design', 'mean P(attack)', sobol ? 'widest 95% interval of a total index' : null].filter(Boolean).map((h) => el('th', {}, h)))),
          el('tbody', {}, document_.designs.map((design) => el('tr', {'data-design': design.id}, el('td', {}, design.id),
            el('td', {}, valueBar(design.mean_p_attack, worst)), sobol ? el('td', {className: 'num'}, fixed(design.widest_total_ci95)) : null)))),
        el('h2', {}, `Which assumption decides it: ${sobol ? 'mean total-order Sobol index' : 'mean μ* (Morris)'} over the designs`),
        el('table', {id: 'rob-ranking', className: 'bars'},
          el('thead', {}, el('tr', {}, ['assumption', 'what it is', sobol ? 'mean total index' : 'mean μ*', 'prior', 'source'].map((h) => el('th', {}, h)))),
          el('tbody', {}, ranking.map((item) => {
            const assumption = meanings.get(item.parameter) || {};
            return el('tr', {'data-parameter': item.parameter}, el('td', {}, item.parameter), el('td', {}, assumption.meaning || ''),
              el('td', {}, valueBar(score(item), top)), el('td', {}, assumption.prior || ''), el('td', {}, assumption.reference || ''));
          }))),
        el('div', {className: 'toolbar'}, jsonButton(`${document_.scenario}.robustness.json`, document_)),
        el('h2', {}, 'The report: tornado charts and the dominance matrix'),
        jobReportFrame('rob-report', job, 'robustness report'));
    });
  setPage(main, el('h1', {}, 'Robustness'),
    el('p', {className: 'muted'}, 'How sure is the ranking of the designs: Sobol or Morris sensitivity of P(attack) to every assumption, and the dominance matrix (docs/robustness.md), run in the background on the server; results are ',
      el('code', {}, 'casus robustness --json'), '. A request is capped (samples, draws); larger runs belong on the command line, under mpirun.'),
    el('div', {className: 'filters'}, el('label', {}, 'scenario', scenario), el('label', {}, 'method', method), el('label', {}, 'samples (at most 1024)', samples),
      el('label', {}, 'draws per design and world', draws), el('label', {}, 'seed', seed), controls.run, controls.cancel),
    el('div', {className: 'toolbar'}, controls.progress, controls.state), result);
}

// ---- Sweep -----------------------------------------------------------------------------------

async function sweepPage(main) {
  const search = params();
  const sweeps = (await api('/api/sweeps')).sweeps;
  const sweep = el('select', {id: 'sweep-file'}, sweeps.map((s) => el('option', {value: s.id, selected: s.id === search.get('sweep')}, `${s.id}: ${s.runs} runs of ${s.draws} draws${s.settlement ? ', with acceptability' : ''}`)));
  const database = el('input', {id: 'sweep-db', type: 'text', size: 24, value: search.get('db') || ''});
  const resume = el('input', {id: 'sweep-resume', type: 'checkbox'});
  const fillName = () => { if (!database.value || database.dataset.auto === 'true') { database.value = `${sweep.value}.db`; database.dataset.auto = 'true'; } };
  sweep.addEventListener('change', fillName);
  database.addEventListener('input', () => { database.dataset.auto = 'false'; });
  fillName();
  const result = el('div', {id: 'sweep-result'});
  const controls = jobControls('sweep', 'Run the sweep', result, () => {
    const pairs = [['sweep', sweep.value], ['db', database.value]];
    if (resume.checked) pairs.push(['resume', '1']);
    return '/api/sweep?' + query(pairs);
  }, async (job) => {
    const document_ = await api('/api/job/result?job=' + job);
    const front = document_.pareto_front;
    const names = [...new Set(front.flatMap((point) => Object.keys(point.point)))].filter((name) => name !== 'design');  // the design has its column
    const acceptability = front.some((point) => point.p_all_accept !== undefined);
    result.replaceChildren(
      el('p', {className: 'muted'}, `${document_.sweep}: ${document_.runs} runs; ${document_.skipped} already in ${document_.database}, ${document_.done} run now. The same as `,
        el('code', {}, `casus sweep scenarios/${sweep.value}.sweep.toml --db ${document_.database}${resume.checked ? ' --resume' : ''} --json`)),
      el('h2', {}, `The best trade-offs: ${front.length} distinct point${front.length === 1 ? '' : 's'} on the Pareto front, beyond Monte Carlo error`),
      el('table', {id: 'sweep-front'},
        el('thead', {}, el('tr', {}, ['run', 'design', ...names, 'deterrence (1 − P(attack))', 'guarantors\' expected cost', acceptability ? 'P(all accept)' : null, 'tied with (same results)'].filter(Boolean).map((h) => el('th', {}, h)))),
        el('tbody', {}, front.map((point) => el('tr', {}, el('td', {className: 'num'}, point.run), el('td', {}, point.design),
          names.map((name) => el('td', {}, point.point[name] === undefined ? '—' : String(point.point[name]))),
          el('td', {className: 'num'}, fixed(point.deterrence)), el('td', {className: 'num'}, fixed(point.guarantor_cost)),
          acceptability ? el('td', {className: 'num'}, fixed(point.p_all_accept)) : null,
          el('td', {}, (point.ties || []).map((tie) => `run ${tie.run} ${tie.design}`).join(', ') || '—'))))),
      el('div', {className: 'toolbar'}, jsonButton(`${document_.sweep}.sweep.json`, document_)),
      el('h2', {}, 'The report: every point, deterrence against cost'),
      jobReportFrame('sweep-report', job, 'sweep report'));
  });
  setPage(main, el('h1', {}, 'Sweep'),
    el('p', {className: 'muted'}, 'The guarantee game over a grid of designs and parameters (docs/sweep-format.md), run in the background on the server into a SQLite database in the workspace folder; results are ',
      el('code', {}, 'casus sweep --json'), '. A cancelled sweep keeps its finished runs: run it again with "resume" to continue.'),
    el('div', {className: 'filters'}, el('label', {}, 'sweep', sweep), el('label', {}, 'database (in the workspace)', database), el('label', {}, 'resume', resume),
      controls.run, controls.cancel),
    el('div', {className: 'toolbar'}, controls.progress, controls.state), result);
}

// ---- Negotiate -------------------------------------------------------------------------------

async function negotiatePage(main) {
  const search = params();
  const scenarios = (await api('/api/negotiations')).negotiations;
  const chosen = search.get('scenario') || (scenarios[0] && scenarios[0].id);
  const scenario = el('select', {id: 'neg-scenario'}, scenarios.map((s) => el('option', {value: s.id, selected: s.id === chosen}, `${s.title} (${s.actors} actors, ${s.dimensions} dimensions)`)));
  const perturb = el('input', {id: 'neg-perturb', type: 'number', min: 0, max: 50, value: search.get('perturb') || ''});
  const draws = el('input', {id: 'neg-draws', type: 'number', min: 1, max: 1000, value: search.get('draws') || 100});
  const result = el('div', {id: 'neg-result'});
  function go() {
    const pairs = [['scenario', scenario.value]];
    if (perturb.value) pairs.push(['perturb', perturb.value], ['draws', draws.value]);
    location.hash = '#/negotiate?' + query(pairs);
  }
  setPage(main, el('h1', {}, 'Negotiate'),
    el('p', {className: 'muted'}, 'KTAB\'s spatial model of politics on a scenario (docs/negotiation.md): the forecast first, then each actor\'s position over the turns. The page shows ', el('code', {}, 'casus negotiate --json'), '.'),
    el('div', {className: 'filters'}, el('label', {}, 'scenario', scenario), el('label', {}, 'perturb: SD on 0–100 (empty: none)', perturb), el('label', {}, 'perturbed runs (at most 1000)', draws),
      el('button', {id: 'neg-run', onclick: go}, 'Negotiate')),
    result);
  if (!chosen) return;
  const pairs = [['scenario', chosen]];
  if (search.get('perturb')) pairs.push(['perturb', search.get('perturb')], ['draws', search.get('draws') || '100']);
  const document_ = await api('/api/negotiate?' + query(pairs));
  const forecast = document_.forecast;
  const bands = document_.perturbation;
  const band = (b) => b ? `${fixed(b.p05, 1)} – ${fixed(b.p95, 1)}` : null;
  const json = JSON.stringify(document_, null, 2) + '\n';
  result.replaceChildren(
    el('h2', {}, `Forecast: ${document_.scenario}, after ${document_.turns} turns`),
    el('table', {id: 'neg-forecast'},
      el('thead', {}, el('tr', {}, ['dimension', 'weighted mean', 'weighted median', bands ? `mean, 90% band (${bands.draws} runs, SD ${bands.sd})` : null, bands ? 'median, 90% band' : null].filter(Boolean).map((h) => el('th', {}, h)))),
      el('tbody', {}, document_.dimensions.map((dimension, index) => el('tr', {},
        el('th', {}, dimension), el('td', {className: 'num'}, fixed(forecast.weighted_mean[index], 1)), el('td', {className: 'num'}, fixed(forecast.weighted_median[index], 1)),
        bands ? el('td', {className: 'num'}, band(bands.weighted_mean[index])) : null, bands ? el('td', {className: 'num'}, band(bands.weighted_median[index])) : null)))),
    el('h2', {}, 'Where the actors end: clusters of final positions'),
    el('table', {id: 'neg-clusters'},
      el('thead', {}, el('tr', {}, ['P(wins)', ...document_.dimensions, 'actors'].map((h) => el('th', {}, h)))),
      el('tbody', {}, forecast.clusters.map((cluster) => el('tr', {},
        el('td', {className: 'num'}, fixed(cluster.probability, 4)), cluster.position.map((value) => el('td', {className: 'num'}, fixed(value, 1))),
        el('td', {}, cluster.actors.map((actor) => document_.actors[actor]).join(', ')))))),
    el('div', {className: 'toolbar'}, el('button', {className: 'secondary', onclick: () => download(`${chosen}.negotiation.json`, json, 'application/json')}, 'Download JSON'),
      csvLink('/api/negotiate?' + query(pairs), `${chosen}.negotiation.csv`, 'neg-csv')),
    el('h2', {}, 'Positions over turns'),
    el('div', {className: 'charts'}, document_.dimensions.map((dimension, index) =>
      el('img', {className: 'neg-chart', alt: `${dimension}: positions over turns`, src: '/api/negotiate/chart?' + query([['scenario', chosen], ['dimension', index]])}))));
}

// ---- History ---------------------------------------------------------------------------------

async function historyPage(main) {
  const coding = params().get('coding') || 'llm';
  const select = el('select', {id: 'hist-coding', onchange: () => { location.hash = '#/history?' + query([['coding', select.value]]); }},
    [['llm', 'Leeds, Long & Mitchell'], ['bf', 'Berkemeier & Fuhrmann'], ['sabrosky', 'Sabrosky']].map(([value, label]) => el('option', {value, selected: value === coding}, label)));
  const [document_, reports] = await Promise.all([api('/api/history/reliability?' + query([['coding', coding]])), api('/api/reports')]);
  const row = (label, rate) => el('tr', {}, el('th', {}, label), el('td', {className: 'num'}, rate.honored), el('td', {className: 'num'}, rate.violated),
    el('td', {className: 'num'}, (100 * rate.rate).toFixed(1) + '%'), el('td', {className: 'num'}, `${(100 * rate.ci95[0]).toFixed(1)}% – ${(100 * rate.ci95[1]).toFixed(1)}%`));
  const backtests = reports.reports.filter((report) => report.kind === 'backtest');
  setPage(main, el('h1', {}, 'History'),
    el('p', {className: 'muted'}, 'How often alliances were honoured when the casus foederis arose (Berkemeier & Fuhrmann 2018 data; docs/history.md): ', el('code', {}, 'casus history reliability --json'), '.'),
    el('div', {className: 'filters'}, el('label', {}, 'coding rule', select)),
    el('div', {className: 'charts'}, el('img', {id: 'hist-chart', alt: 'honour rates', src: '/api/history/chart?' + query([['coding', coding]])})),
    el('table', {id: 'hist-table'}, el('thead', {}, el('tr', {}, ['', 'honoured', 'violated', 'rate', '95% interval (Wilson)'].map((h) => el('th', {}, h)))),
      el('tbody', {}, row('overall', document_.overall), Object.entries(document_.by_era).map(([era, rate]) => row(era, rate)),
        Object.entries(document_.by_type).map(([type, rate]) => row(type, rate)))),
    el('h2', {}, 'Backtest'),
    backtests.length
      ? el('ul', {id: 'hist-backtests'}, backtests.map((report) => el('li', {}, el('a', {href: '#/reports?' + query([['name', report.name]])}, report.name))))
      : el('p', {className: 'muted', id: 'hist-no-backtest'}, 'No backtest report in the workspace yet. ', el('code', {}, `casus history backtest --report ${reports.workspace}/backtest.html`),
        ' writes one (docs/backtest.md); it then appears here.'));
}

// ---- Reports (sweep, robustness, assess, simulate, backtest) ---------------------------------

async function reportsPage(main) {
  const chosen = params().get('name');
  const document_ = await api('/api/reports');
  const frame = chosen ? el('iframe', {id: 'report-frame', src: '/report?' + query([['name', chosen.replace(/^workspace\//, '')]]), title: chosen, sandbox: ''}) : null;
  setPage(main, el('h1', {}, 'Reports'),
    el('p', {className: 'muted'}, 'The HTML reports the commands write with ', el('code', {}, '--report FILE.html'), ' (simulate, sweep, robustness, assess, history backtest), read from the workspace folder (',
      document_.workspace, '). Their charts come from the same chart module as these pages.'),
    document_.reports.length
      ? el('table', {id: 'reports'}, el('thead', {}, el('tr', {}, ['report', 'written by', 'size'].map((h) => el('th', {}, h)))),
        el('tbody', {}, document_.reports.map((report) => el('tr', {'data-name': report.name},
          el('td', {}, el('a', {href: '#/reports?' + query([['name', report.name]])}, report.name)), el('td', {}, report.kind === 'report' ? '—' : 'casus ' + report.kind),
          el('td', {className: 'num'}, `${Math.ceil(report.bytes / 1024)} KiB`)))))
      : el('p', {id: 'reports-none'}, 'No report yet: e.g. ', el('code', {}, `casus sweep scenarios/guarantee-levers.sweep.toml --db sweep.db --report ${document_.workspace}/sweep.html`), '.'),
    frame);
}

// ---- routing ---------------------------------------------------------------------------------

const pages = {library: libraryPage, instrument: instrumentPage, compare: comparePage, adjudicate: adjudicatePage, draft: draftPage, simulate: simulatePage,
  negotiate: negotiatePage, history: historyPage, reports: reportsPage, robustness: robustnessPage, sweep: sweepPage};

async function route() {
  const hash = location.hash.replace(/^#\/?/, '') || 'library';
  const [path] = hash.split('?');
  const [page, ...rest] = path.split('/');
  const main = document.getElementById('main');
  for (const link of document.querySelectorAll('nav a')) link.classList.toggle('active', link.dataset.page === page);
  const render = pages[page];
  document.body.dataset.page = page;
  document.body.dataset.ready = 'false';
  if (!render) {
    setPage(main, el('h1', {}, 'No such page'), el('p', {}, el('a', {href: '#/library'}, 'Back to the library')));
  } else {
    try {
      await render(main, ...rest.map(decodeURIComponent));
      document.title = `casus · ${page}${rest.length ? ' · ' + rest.join('/') : ''}`;
    } catch (error) {
      setPage(main, el('h1', {}, 'Something went wrong'), errorBox(error));
    }
  }
  document.body.dataset.ready = 'true';
  if (!document.body.dataset.firstRenderMs) document.body.dataset.firstRenderMs = String(Math.round(performance.now()));
}

window.addEventListener('hashchange', route);
route();
