#!/usr/bin/env node
// The opening_hours.js side of benchmarks/OpeningHoursBench: reads {"expressions": [...], "instants": [...],
// "seconds": n} from the file given, measures parse, state (getStatePair: state, unknown and comment in one
// call, the library's cheapest way) and next change (getNextChange) and prints the rates as JSON.
// Run with TZ=Asia/Jakarta (the C# program does).
'use strict';
process.env.TZ = process.env.TZ || 'Asia/Jakarta';
const fs = require('fs');
const path = require('path');
const OpeningHours = require(path.join(__dirname, '..', '..', 'tests', 'reference', 'node_modules', 'opening_hours'));

const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const seconds = input.seconds || 1;
const instants = input.instants.map(s => {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(s);
  return new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
});
const parsed = input.expressions.map(e => new OpeningHours(e, null, { mode: 0 }));

// Runs body(i) for i = 0, 1, 2, … until the time is up; returns operations per second.
function rate(body, count) {
  for (let i = 0; i < Math.min(count, 2000); i++) body(i % count); // warm-up
  const start = process.hrtime.bigint();
  const limit = BigInt(Math.round(seconds * 1e9));
  let ops = 0;
  let elapsed = 0n;
  do {
    for (let k = 0; k < 200; k++) body(ops++ % count);
    elapsed = process.hrtime.bigint() - start;
  } while (elapsed < limit);
  return ops / (Number(elapsed) / 1e9);
}

const n = parsed.length, m = instants.length;
let sink = 0;
const result = {
  node: process.version,
  library: require(path.join(__dirname, '..', '..', 'tests', 'reference', 'node_modules', 'opening_hours', 'package.json')).version,
  parse: rate(i => { sink += new OpeningHours(input.expressions[i], null, { mode: 0 }) ? 1 : 0; }, n),
  state: rate(i => { const s = parsed[i % n].getStatePair(instants[Math.floor(i / n) % m]); sink += s[0] ? 1 : 0; }, n * m),
  nextChange: rate(i => { const d = parsed[i % n].getNextChange(instants[Math.floor(i / n) % m]); sink += d ? 1 : 0; }, n * m),
};
result.sink = sink;
process.stdout.write(JSON.stringify(result) + '\n');
