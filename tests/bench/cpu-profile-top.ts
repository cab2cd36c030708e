// npx tsx tests/bench/cpu-profile-top.ts <file.cpuprofile> [count]: where the server's time
// went, from a V8 CPU profile (`node --cpu-prof`, e.g. JALON_APP_NODE_OPTIONS="--cpu-prof
// --cpu-prof-dir=/tmp/prof" npm run bench:mixed). Prints the functions with the most self
// time, then the same grouped by package or source folder.
import fs from 'node:fs';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	hitCount?: number;
}

const [file, countArg] = process.argv.slice(2);
if (!file) {
	console.error('usage : tsx tests/bench/cpu-profile-top.ts <fichier.cpuprofile> [nombre]');
	process.exit(1);
}
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; startTime: number; endTime: number };
const count = Number(countArg) || 25;
const total = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
const where = (url: string) => {
	if (!url) return '(natif / V8)';
	const modules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
	if (modules) return modules[1]!;
	if (url.startsWith('node:')) return url;
	const build = url.match(/server\/(?:chunks|entries)\/(.+?)(?:-[\w-]{8})?\.js/);
	return build ? `app: ${build[1]}` : url.replace(/^file:\/\/.*?\/(src|build)\//, '$1/');
};
const byFunction = new Map<string, number>();
const byPlace = new Map<string, number>();
for (const node of profile.nodes) {
	const hits = node.hitCount ?? 0;
	if (!hits) continue;
	const name = `${node.callFrame.functionName || '(anonyme)'}  ${where(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
	byFunction.set(name, (byFunction.get(name) ?? 0) + hits);
	const place = where(node.callFrame.url);
	byPlace.set(place, (byPlace.get(place) ?? 0) + hits);
}
const pct = (hits: number) => `${((100 * hits) / total).toFixed(1).padStart(5)} %`;
console.log(`${file} : ${total} échantillons sur ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s`);
console.log('\nTemps propre par fonction :');
for (const [name, hits] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, count)) console.log(`  ${pct(hits)}  ${name}`);
console.log('\nPar paquet ou dossier :');
for (const [place, hits] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${pct(hits)}  ${place}`);
