import { openArchive } from '/work/wt/store/src/open-archive.js';
import { loadProfile } from '/work/wt/store/src/profile/load-profile.js';
import { createSilentLogger } from '/work/wt/store/src/logger.js';
import { readFileSync, mkdirSync } from 'node:fs';
const profile = loadProfile('/work/wt/store/config');
mkdirSync('/tmp/store/d100', { recursive: true });
let t0 = performance.now();
const o = await openArchive({ seedsDir: process.argv[2]!, dataDir: '/tmp/store/d100', profile, paper: profile.paper, logger: createSilentLogger() });
console.log('open', performance.now() - t0, o.search.passageCount);
const q = JSON.parse(readFileSync('/work/shared/bench/archive-x1000/questions.json', 'utf8'));
const qs: string[] = [...q.dev.map((d: any) => d.question), ...q.cmrc.slice(0, 60).map((c: any) => c.question)];
for (const x of q.warmUp) o.search.search(x);
const t: number[] = [];
const rank: number[] = [];
for (const x of qs) { const s = performance.now(); o.search.search(x); t.push(performance.now() - s); }
t.sort((a, b) => a - b);
console.log('p50', t[Math.floor(t.length / 2)]!.toFixed(1), 'p95', t[Math.floor(t.length * 0.95)]!.toFixed(1));
