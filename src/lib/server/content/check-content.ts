import { parse as parseYaml } from 'yaml';
import { checkCatalog, type CriterionCoverage } from './check';
import type { Guessability, GuessabilityReport } from './guessability';
import { loadCatalog, type ContentFiles } from './load';
import { coverageConfigSchema } from './schema';
import type { Catalog, ContentProblem } from './types';

export interface ContentCheckReport {
	catalog: Catalog;
	coverage: CriterionCoverage[];
	guessability: GuessabilityReport;
	/** Guessability of each preparation quiz, keyed `<cert>.prep`. */
	preparationGuessability: Record<string, Guessability>;
	problems: ContentProblem[];
}

/** Loads the content files and runs every check: what `npm run content:check` reports. */
export function checkContentFiles(files: ContentFiles): ContentCheckReport {
	const { catalog, problems } = loadCatalog(files);
	const configSource = files.get('coverage.yaml');
	const parsed = coverageConfigSchema.safeParse(configSource ? parseYaml(configSource) : {});
	if (!parsed.success) {
		for (const issue of parsed.error.issues) problems.push({ file: 'coverage.yaml', path: issue.path.join('.'), message: `schéma : ${issue.message}` });
	}
	const config = parsed.success ? parsed.data : coverageConfigSchema.parse({});
	const checked = checkCatalog(catalog, config);
	return { catalog, coverage: checked.coverage, guessability: checked.guessability, preparationGuessability: checked.preparationGuessability, problems: [...problems, ...checked.problems] };
}
