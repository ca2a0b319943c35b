#!/usr/bin/env node
// Evaluates opening_hours expressions with opening_hours.js, the reference implementation, for the
// parity tests of the C# engine (tests/Shared.Tests/OpeningHours).
//
// Usage: TZ=Asia/Jakarta node oh-eval.js FILE.jsonl   (or "-" for stdin)
// Input lines:  {"expr": "...", "at": "2012-10-01T11:59[:ss]", "days": 7}   (local wall time; "days" optional)
// Output: first line {"holidays": [["2012-01-01", "Neujahrstag"], ...]}, the public holidays the library uses
// for PH (its default location, Germany/Baden-Württemberg), so the C# side can use the same calendar;
// then one line per input line, in order:
//   {"state": "open|closed|unknown", "comment": string|null, "nextChange": "YYYY-MM-DDTHH:mm"|null,
//    "intervals": [["from", "to", unknown(bool), comment|null], ...]}   (getOpenIntervals over "days", if given,
//    with the state as getState gives it and equal neighbours merged)
// or {"error": "..."} when the expression does not parse, or {"evalError": "..."} when evaluation throws.
'use strict';
process.env.TZ = process.env.TZ || 'Asia/Jakarta';
const fs = require('fs');
const path = require('path');
let OpeningHours;
try {
  OpeningHours = require(path.join(__dirname, 'node_modules', 'opening_hours'));
} catch (e) {
  process.stderr.write('opening_hours.js is not installed: run "npm install" in tests/reference (' + e.message + ')\n');
  process.exit(3);
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
const fmt = d => `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
const fmtDay = d => `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
function parseLocal(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (!m) throw new Error('bad "at": ' + s);
  return new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], m[6] ? +m[6] : 0);
}

// The holiday table behind "PH" for the default location (nominatim null => de, Baden-Württemberg).
function holidays(fromYear, toYear) {
  const oh = new OpeningHours('PH', null, { mode: 0 });
  const out = [];
  for (const [from, to, , comment] of oh.getOpenIntervals(new Date(fromYear, 0, 1), new Date(toYear + 1, 0, 1))) {
    for (let d = new Date(from); d < to; d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1)) {
      out.push([fmtDay(d), comment]);
    }
  }
  return out;
}

// oh.getNextChange(at) with a stop after 10 × 366 days: the library's own loop runs (practically) for ever
// when only the comment keeps changing, e.g. 'PH off' (a new holiday name each holiday, always closed).
// The engine stops at the same point.
const CAP_MS = 10 * 366 * 86400000;
function nextChange(oh, at) {
  const it = oh.getIterator(at);
  const state = it.getState(), unknown = it.getUnknown();
  const cap = at.getTime() + CAP_MS;
  while (it.advance()) {
    if (it.getDate().getTime() >= cap) return undefined;
    if (it.getState() !== state || it.getUnknown() !== unknown) return it.getDate();
  }
  return undefined;
}

const input = process.argv[2] && process.argv[2] !== '-' ? fs.readFileSync(process.argv[2], 'utf8') : fs.readFileSync(0, 'utf8');
const out = [];
out.push(JSON.stringify({ holidays: holidays(2000, 2060) }));
const cache = new Map();
for (const line of input.split('\n')) {
  if (!line.trim()) continue;
  const q = JSON.parse(line);
  let oh = cache.get(q.expr);
  if (oh === undefined) {
    try {
      oh = new OpeningHours(q.expr, null, { mode: 0 });
    } catch (e) {
      oh = { error: String(e) };
    }
    cache.set(q.expr, oh);
  }
  if (oh.error !== undefined) {
    out.push(JSON.stringify({ error: oh.error }));
    continue;
  }
  try {
    const at = parseLocal(q.at);
    const it = oh.getIterator(at);
    const state = it.getState() ? 'open' : (it.getUnknown() ? 'unknown' : 'closed');
    const comment = it.getComment();
    const next = nextChange(oh, at);
    const r = { state, comment: comment === undefined ? null : comment, nextChange: next ? fmt(next) : null };
    if (q.days) {
      const to = new Date(at.getTime() + q.days * 86400000);
      // getOpenIntervals marks a stretch "unknown" by the unknown flag, which is also set on some open states
      // ('"x" open'); report the state as getState/getStateString do, and merge neighbours that then agree.
      r.intervals = [];
      for (const [f, t, , c] of oh.getOpenIntervals(at, to)) {
        const open = oh.getState(f);
        const comment = c === undefined ? null : c;
        const last = r.intervals[r.intervals.length - 1];
        if (last && last[1] === fmt(f) && last[2] === !open && last[3] === comment) {
          last[1] = fmt(t);
        } else {
          r.intervals.push([fmt(f), fmt(t), !open, comment]);
        }
      }
    }
    out.push(JSON.stringify(r));
  } catch (e) {
    out.push(JSON.stringify({ evalError: String(e) }));
  }
}
process.stdout.write(out.join('\n') + '\n');
