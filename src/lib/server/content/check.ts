import { checkDebriefClaims } from './debrief-claims';
import { evaluateExpression } from './expression';
import { guessabilityReport, measureGuessability, type Guessability, type GuessabilityReport } from './guessability';
import type { CoverageConfig, CoverageFloors, GuessabilityCeilings } from './schema';
import type { Catalog, ContentProblem, Module, Preparation, Scenario } from './types';

export interface CriterionCoverage {
	id: string;
	certification: string;
	competence: string;
	official: boolean;
	text: string;
	quizItems: number;
	itemTypes: number;
	scenarioChoices: number;
}

function quizFile(module: Module): string {
	return `modules/${module.certificationId}/${module.slug}/quiz.yaml`;
}

function checkDuplicateIds(catalog: Catalog, problems: ContentProblem[]): void {
	const seen = new Map<string, string>();
	const claim = (id: string, file: string, path: string) => {
		const first = seen.get(id);
		if (first) problems.push({ file, path, message: `identifiant en double « ${id} » (déjà utilisé dans ${first})` });
		else seen.set(id, file);
	};
	for (const certification of catalog.certifications) {
		const file = `referentiels/${certification.id}.yaml`;
		certification.units.forEach((unit, u) => {
			claim(unit.id, file, `units[${u}].id`);
			unit.competences.forEach((competence, c) => {
				claim(competence.id, file, `units[${u}].competences[${c}].id`);
				competence.criteria.forEach((criterion, k) => claim(criterion.id, file, `units[${u}].competences[${c}].criteria[${k}].id`));
			});
		});
	}
	for (const module of catalog.modules) {
		module.quiz.forEach((item, i) => claim(item.id, quizFile(module), `items[${i}].id`));
		for (const scenario of module.scenarios) claim(scenario.id, scenario.file, 'id');
	}
	for (const [competenceId, questions] of catalog.questions) {
		questions.forEach((question, i) => claim(question.id, questionsFile(competenceId), `questions[${i}].id`));
	}
	for (const preparation of catalog.preparations) {
		preparation.quiz.forEach((item, i) => claim(item.id, `preparation/${preparation.certificationId}/quiz.yaml`, `items[${i}].id`));
	}
}

const questionsFile = (competenceId: string) => `modules/${competenceId.replace('.', '/')}/questions.yaml`;

/** Commission questions: ids prefixed by their competence, criteria of that competence only. */
function checkQuestions(catalog: Catalog, problems: ContentProblem[]): void {
	for (const [competenceId, questions] of catalog.questions) {
		const file = questionsFile(competenceId);
		const competence = catalog.competences.get(competenceId);
		const own = new Set(competence?.criteria.map((criterion) => criterion.id));
		questions.forEach((question, i) => {
			if (!new RegExp(`^${competenceId.replace('.', '\\.')}\\.o\\d+$`).test(question.id)) {
				problems.push({ file, path: `questions[${i}].id`, message: `l'identifiant doit être de la forme « ${competenceId}.o<n> »` });
			}
			question.criteria.forEach((id, k) => {
				if (!catalog.criteria.has(id)) problems.push({ file, path: `questions[${i}].criteria[${k}]`, message: `critère inconnu « ${id} »` });
				else if (!own.has(id)) problems.push({ file, path: `questions[${i}].criteria[${k}]`, message: `le critère « ${id} » n'appartient pas à la compétence ${competenceId}` });
			});
		});
	}
}

/** Preparation modules: ids `<cert>.prep.q<n>`, well-formed items, no criterion sections, a lesson and a quiz. */
function checkPreparations(catalog: Catalog, problems: ContentProblem[]): void {
	for (const preparation of catalog.preparations) {
		const folder = `preparation/${preparation.certificationId}`;
		if (!preparation.lesson) problems.push({ file: `${folder}/lesson.md`, path: '(fichier)', message: 'une préparation a une leçon' });
		if (preparation.quiz.length === 0) problems.push({ file: `${folder}/quiz.yaml`, path: '(fichier)', message: 'une préparation a un quiz' });
		preparation.lesson?.sections.forEach((section, s) => {
			if (section.criterionId) problems.push({ file: `${folder}/lesson.md`, path: `sections[${s}] « ${section.title} »`, message: 'une leçon de préparation ne porte sur aucun critère : retirez {#…}' });
		});
		preparation.quiz.forEach((item, i) => {
			if (!item.id.startsWith(`${preparation.id}.`)) problems.push({ file: `${folder}/quiz.yaml`, path: `items[${i}].id`, message: `l'identifiant doit commencer par « ${preparation.id}. »` });
		});
		problems.push(...checkItems(asModule(preparation), `${folder}/quiz.yaml`));
	}
}

/** A preparation seen as a module with no scenario, so the item and guessability checks apply unchanged. */
function asModule(preparation: Preparation): Module {
	return { competenceId: preparation.id, certificationId: preparation.certificationId, slug: 'preparation', lesson: preparation.lesson, quiz: preparation.quiz, scenarios: [], contentVersion: preparation.contentVersion };
}

function checkModuleFloors(catalog: Catalog, config: CoverageConfig, problems: ContentProblem[]): void {
	for (const competence of catalog.competences.values()) {
		const count = catalog.questions.get(competence.id)?.length ?? 0;
		if (count < config.questions) {
			problems.push({ file: 'coverage.yaml', path: `questions → ${competence.id}`, message: `questions de la commission insuffisantes : ${count}/${config.questions}` });
		}
	}
	if (config.preparation > 0) {
		for (const certification of catalog.certifications) {
			if (!catalog.preparations.some((preparation) => preparation.certificationId === certification.id)) {
				problems.push({ file: 'coverage.yaml', path: `preparation → ${certification.id}`, message: `aucun module « Préparer l'évaluation » pour ${certification.id} (preparation/${certification.id}/)` });
			}
		}
	}
}

function checkCriterionReferences(catalog: Catalog, problems: ContentProblem[]): void {
	const known = (id: string) => catalog.criteria.has(id);
	for (const module of catalog.modules) {
		const file = quizFile(module);
		module.quiz.forEach((item, i) => {
			item.criteria.forEach((id, k) => {
				if (!known(id)) problems.push({ file, path: `items[${i}].criteria[${k}]`, message: `critère inconnu « ${id} »` });
			});
		});
		module.lesson?.sections.forEach((section, s) => {
			if (section.criterionId && !known(section.criterionId)) {
				problems.push({ file: `modules/${module.certificationId}/${module.slug}/lesson.md`, path: `sections[${s}] « ${section.title} »`, message: `critère inconnu « ${section.criterionId} »` });
			}
		});
		for (const scenario of module.scenarios) {
			for (const [nodeId, node] of Object.entries(scenario.nodes)) {
				if ('ending' in node) {
					for (const id of Object.keys(node.ending.debrief)) {
						if (!known(id)) problems.push({ file: scenario.file, path: `nodes.${nodeId}.ending.debrief.${id}`, message: `critère inconnu « ${id} »` });
					}
					continue;
				}
				node.choices.forEach((choice, c) => {
					const effects = Object.keys(choice.effects);
					if (effects.length === 0) problems.push({ file: scenario.file, path: `nodes.${nodeId}.choices[${c}].effects`, message: 'un choix doit nommer au moins un critère' });
					for (const id of effects) {
						if (!known(id)) problems.push({ file: scenario.file, path: `nodes.${nodeId}.choices[${c}].effects.${id}`, message: `critère inconnu « ${id} »` });
					}
				});
			}
		}
	}
	catalog.equivalences.forEach((equivalence, e) => {
		equivalence.criteria.forEach((id, k) => {
			if (!known(id)) problems.push({ file: 'referentiels/equivalences.yaml', path: `equivalences[${e}].criteria[${k}]`, message: `critère inconnu « ${id} »` });
		});
		const certifications = new Set(equivalence.criteria.map((id) => catalog.criteria.get(id)?.certificationId));
		if (certifications.size < 2) problems.push({ file: 'referentiels/equivalences.yaml', path: `equivalences[${e}]`, message: 'une équivalence relie des critères de certifications différentes' });
	});
	const certificationIds = new Set(catalog.certifications.map((certification) => certification.id));
	catalog.metiers.forEach((metier, m) => {
		metier.certifications.forEach((id, k) => {
			if (!certificationIds.has(id)) problems.push({ file: 'referentiels/metiers.yaml', path: `metiers[${m}].certifications[${k}]`, message: `certification inconnue « ${id} »` });
		});
	});
}

function checkQuizItems(catalog: Catalog, problems: ContentProblem[]): void {
	for (const module of catalog.modules) {
		problems.push(...checkItems(module, quizFile(module)));
		module.quiz.forEach((item, i) => {
			if (!item.id.startsWith(`${module.competenceId}.`)) problems.push({ file: quizFile(module), path: `items[${i}].id`, message: `l'identifiant doit commencer par « ${module.competenceId}. »` });
		});
	}
}

/** The rules every item obeys whatever its module: keys, unique ids, computations, unambiguous pairs. */
function checkItems(module: Module, file: string): ContentProblem[] {
	const problems: ContentProblem[] = [];
	module.quiz.forEach((item, i) => {
		const at = (path: string, message: string) => problems.push({ file, path: `items[${i}]${path}`, message });
		if (item.type === 'single' || item.type === 'multiple') {
			const correct = item.choices.filter((choice) => choice.correct).length;
			if (item.type === 'single' && correct !== 1) at('.choices', `un item à choix unique a exactement une bonne réponse (ici ${correct})`);
			if (item.type === 'multiple' && correct < 1) at('.choices', 'un item à choix multiples a au moins une bonne réponse');
			if (new Set(item.choices.map((choice) => choice.id)).size !== item.choices.length) at('.choices', 'identifiants de réponses en double');
		} else if (item.type === 'numeric' && item.compute) {
			try {
				const computed = evaluateExpression(item.compute.expression, item.compute.inputs);
				if (Math.abs(computed - item.answer) > item.tolerance) {
					at('.compute', `le calcul donne ${computed}, la réponse attendue est ${item.answer} (tolérance ${item.tolerance})`);
				}
			} catch (error) {
				at('.compute.expression', `calcul impossible : ${(error as Error).message}`);
			}
		} else if (item.type === 'ordering') {
			if (new Set(item.steps.map((step) => step.id)).size !== item.steps.length) at('.steps', 'identifiants d’étapes en double');
		} else if (item.type === 'matching') {
			if (new Set(item.pairs.map((pair) => pair.right)).size !== item.pairs.length) at('.pairs', 'deux éléments de droite identiques rendent l’association ambiguë');
			if (new Set(item.pairs.map((pair) => pair.id)).size !== item.pairs.length) at('.pairs', 'identifiants de paires en double');
		}
	});
	return problems;
}

/** Every node reachable from the start, every next node existing, every path ending. */
export function checkScenarioGraph(scenario: Scenario): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const { nodes, file } = scenario;
	if (!nodes[scenario.start]) {
		problems.push({ file, path: 'start', message: `le nœud de départ « ${scenario.start} » n'existe pas` });
		return problems;
	}
	for (const [nodeId, node] of Object.entries(nodes)) {
		if ('ending' in node) continue;
		node.choices.forEach((choice, c) => {
			if (!nodes[choice.next]) problems.push({ file, path: `nodes.${nodeId}.choices[${c}].next`, message: `le nœud « ${choice.next} » n'existe pas` });
		});
	}
	const state = new Map<string, 'visiting' | 'done'>();
	const visit = (nodeId: string, trail: string[]) => {
		const node = nodes[nodeId];
		if (!node) return;
		if (state.get(nodeId) === 'visiting') {
			problems.push({ file, path: `nodes.${nodeId}`, message: `chemin sans fin : boucle ${[...trail, nodeId].join(' → ')}` });
			return;
		}
		if (state.get(nodeId) === 'done') return;
		state.set(nodeId, 'visiting');
		if (!('ending' in node)) for (const choice of node.choices) visit(choice.next, [...trail, nodeId]);
		state.set(nodeId, 'done');
	};
	visit(scenario.start, []);
	for (const nodeId of Object.keys(nodes)) {
		if (!state.has(nodeId)) problems.push({ file, path: `nodes.${nodeId}`, message: 'nœud inatteignable depuis le départ' });
	}
	return problems;
}

/** How many quiz items and scenario choices give evidence for each criterion. */
export function computeCoverage(catalog: Catalog): CriterionCoverage[] {
	const items = new Map<string, number>();
	const types = new Map<string, Set<string>>();
	const choices = new Map<string, number>();
	for (const module of catalog.modules) {
		for (const item of module.quiz) {
			for (const id of new Set(item.criteria)) {
				items.set(id, (items.get(id) ?? 0) + 1);
				types.set(id, (types.get(id) ?? new Set()).add(item.type));
			}
		}
		for (const scenario of module.scenarios) {
			for (const node of Object.values(scenario.nodes)) {
				if ('ending' in node) continue;
				for (const choice of node.choices) {
					for (const id of Object.keys(choice.effects)) choices.set(id, (choices.get(id) ?? 0) + 1);
				}
			}
		}
	}
	return [...catalog.criteria.values()].map((criterion) => ({
		id: criterion.id,
		certification: criterion.certificationId,
		competence: criterion.competenceId,
		official: criterion.official,
		text: criterion.text.replace(/\s+/g, ' ').trim(),
		quizItems: items.get(criterion.id) ?? 0,
		itemTypes: types.get(criterion.id)?.size ?? 0,
		scenarioChoices: choices.get(criterion.id) ?? 0
	}));
}

export function floorsFor(config: CoverageConfig, certificationId: string): CoverageFloors {
	return config.certifications[certificationId] ?? config.default;
}

function checkCoverage(coverage: CriterionCoverage[], config: CoverageConfig, problems: ContentProblem[]): void {
	for (const row of coverage) {
		const floors = floorsFor(config, row.certification);
		const missing: string[] = [];
		if (row.quizItems < floors.quizItems) missing.push(`${row.quizItems}/${floors.quizItems} items de quiz`);
		if (row.itemTypes < floors.itemTypes) missing.push(`${row.itemTypes}/${floors.itemTypes} types d'items`);
		if (row.scenarioChoices < floors.scenarioChoices) missing.push(`${row.scenarioChoices}/${floors.scenarioChoices} choix de scénario`);
		if (missing.length) {
			problems.push({ file: 'coverage.yaml', path: `certifications.${row.certification} → ${row.id}`, message: `couverture insuffisante : ${missing.join(', ')}` });
		}
	}
}

const CEILING_LABELS = {
	singleLongest: 'choix unique : bonne réponse strictement la plus longue',
	singleShortest: 'choix unique : bonne réponse strictement la plus courte',
	multipleLonger: 'choix multiples : bonne réponse plus longue qu’un distracteur',
	scenarioLongest: 'scénarios : meilleur choix strictement le plus long',
	scenarioShortest: 'scénarios : meilleur choix strictement le plus court'
} as const;

const percent = (value: number) => `${(value * 100).toFixed(1).replace('.', ',')} %`;

function checkCeilings(figures: Guessability, ceilings: GuessabilityCeilings, where: string, problems: ContentProblem[]): void {
	for (const key of Object.keys(CEILING_LABELS) as (keyof typeof CEILING_LABELS)[]) {
		// A tolerance keeps a ceiling written as a rounded figure from failing on its own value.
		if (figures[key] > ceilings[key] + 1e-6) {
			problems.push({ file: 'coverage.yaml', path: `guessability.${where}.${key}`, message: `devinable : ${CEILING_LABELS[key]} dans ${percent(figures[key])} des cas (plafond ${percent(ceilings[key])})` });
		}
	}
}

function checkGuessability(catalog: Catalog, config: CoverageConfig, report: GuessabilityReport, preparations: Record<string, Guessability>, problems: ContentProblem[]): void {
	for (const [certificationId, ceilings] of Object.entries(config.guessability)) {
		// A preparation quiz is held to the ceilings of one module.
		for (const preparation of catalog.preparations.filter((candidate) => candidate.certificationId === certificationId)) {
			const figures = preparations[preparation.id];
			if (figures) checkCeilings(figures, ceilings.module, `${certificationId}.module → ${preparation.id}`, problems);
		}
		const figures = report.certifications[certificationId];
		if (figures) checkCeilings(figures, ceilings.certification, `${certificationId}.certification`, problems);
		for (const module of catalog.modules.filter((candidate) => candidate.certificationId === certificationId)) {
			const moduleFigures = report.modules[module.competenceId];
			if (moduleFigures) checkCeilings(moduleFigures, ceilings.module, `${certificationId}.module → ${module.competenceId}`, problems);
		}
	}
}

/** Every check the content must pass, with the coverage table and the guessability figures they are based on. */
export function checkCatalog(
	catalog: Catalog,
	config: CoverageConfig
): { problems: ContentProblem[]; coverage: CriterionCoverage[]; guessability: GuessabilityReport; preparationGuessability: Record<string, Guessability> } {
	const problems: ContentProblem[] = [];
	checkDuplicateIds(catalog, problems);
	checkCriterionReferences(catalog, problems);
	checkQuizItems(catalog, problems);
	checkQuestions(catalog, problems);
	checkPreparations(catalog, problems);
	checkModuleFloors(catalog, config, problems);
	for (const module of catalog.modules) {
		for (const scenario of module.scenarios) {
			const graph = checkScenarioGraph(scenario);
			problems.push(...graph);
			// Paths are only meaningful on a sound graph.
			if (graph.length === 0) problems.push(...checkDebriefClaims(scenario));
		}
	}
	const coverage = computeCoverage(catalog);
	checkCoverage(coverage, config, problems);
	const guessability = guessabilityReport(catalog.modules);
	const preparationGuessability = Object.fromEntries(catalog.preparations.map((preparation) => [preparation.id, measureGuessability([asModule(preparation)])]));
	checkGuessability(catalog, config, guessability, preparationGuessability, problems);
	return { problems, coverage, guessability, preparationGuessability };
}
