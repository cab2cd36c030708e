import { randomUUID } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { isUuid } from '$lib/server/db/ids';
import { moduleHref, progressHref, scenarioRunHref } from '$lib/paths';
import { requireModule } from '$lib/server/learning/modules';
import { chooseScenarioOption, findScenarioRun } from '$lib/server/learning/scenario.service';
import { attemptDraw } from '$lib/server/learning/attempt-draw';
import { nodeChoiceScope, SCENARIO_NODE_SCOPE } from '$lib/server/learning/draw-scopes';
import { endingDebrief, md, mdInline, scenarioPath } from '$lib/server/learning/views';
import type { Actions, PageServerLoad } from './$types';

const NOTICES: Record<string, string> = {
	'etape-jouee': 'Cette étape avait déjà été jouée (retour arrière ou autre onglet) : voici où en est votre partie.',
	termine: 'Ce cas est terminé : votre choix n’a pas été enregistré. Vous pouvez le rejouer depuis le module.'
};

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals);
	const { catalog, competence, module } = requireModule(params.certification, params.competence);
	const run = await findScenarioRun(getDb(), user.id, params.run);
	const scenario = run && module.scenarios.find((s) => s.id === run.scenarioId);
	if (!run || !scenario || run.competenceId !== competence.id) error(404, 'Cas pratique introuvable.');

	const path = scenarioPath(scenario, run.steps);
	const node = scenario.nodes[run.currentNode];
	const ending = node && 'ending' in node ? node.ending : null;
	const draw = attemptDraw(run.drawSeed);
	const choiceScope = nodeChoiceScope(scenario.id, run.currentNode);
	return {
		competence: { id: competence.id, number: competence.number, title: competence.title },
		moduleHref: moduleHref(competence.id),
		progressHref: progressHref(module.certificationId),
		scenario: { id: scenario.id, title: scenario.title, contextHtml: md(scenario.context) },
		notice: NOTICES[url.searchParams.get('info') ?? ''] ?? null,
		path,
		current:
			node && 'choices' in node
				? {
						nodeToken: draw.token(SCENARIO_NODE_SCOPE, run.currentNode),
						textHtml: md(node.text),
						// Only the wording of each choice, in the order drawn for this run: effects stay on the server.
						choices: draw.order(choiceScope, node.choices, (choice) => choice.id).map((choice) => ({ token: draw.token(choiceScope, choice.id), html: mdInline(choice.text) })),
						idempotencyKey: randomUUID()
					}
				: null,
		ending: ending ? endingDebrief(ending, path, catalog.criteria) : null
	};
};

export const actions: Actions = {
	choose: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const { catalog, module } = requireModule(params.certification, params.competence);
		const form = await request.formData();
		const nodeToken = String(form.get('node') ?? '');
		const choiceToken = String(form.get('choice') ?? '');
		const idempotencyKey = String(form.get('idempotency_key') ?? '');
		if (!isUuid(idempotencyKey)) error(400, 'Formulaire incomplet : rechargez la page.');
		if (!choiceToken) return fail(400, { message: 'Choisissez une option avant de valider.' });

		const run = await findScenarioRun(getDb(), user.id, params.run);
		const scenario = run && module.scenarios.find((s) => s.id === run.scenarioId);
		if (!run || !scenario) error(404, 'Cas pratique introuvable.');
		// The page names the node and the choice by their tokens in this run: map them back.
		const draw = attemptDraw(run.drawSeed);
		const nodeId = draw.resolve(SCENARIO_NODE_SCOPE, Object.keys(scenario.nodes), nodeToken) ?? '';
		const node = scenario.nodes[nodeId];
		const choiceIds = node && 'choices' in node ? node.choices.map((choice) => choice.id) : [];
		const choiceId = draw.resolve(nodeChoiceScope(scenario.id, nodeId), choiceIds, choiceToken) ?? '';
		const outcome = await chooseScenarioOption(getDb(), {
			userId: user.id,
			runId: run.id,
			nodeId,
			choiceId,
			idempotencyKey,
			module,
			scenario,
			catalog,
			now: new Date()
		});
		const here = scenarioRunHref(module.competenceId, run.id);
		switch (outcome.kind) {
			case 'not-found':
				error(404, 'Cas pratique introuvable.');
			case 'not-enrolled':
				error(403, 'Inscrivez-vous à cette certification pour jouer ses cas.');
			case 'key-reused':
				error(400, 'Ce formulaire a déjà servi pour une autre partie : rechargez la page.');
			case 'invalid-choice':
				return fail(400, { message: 'Ce choix n’existe pas à cette étape : rechargez la page.' });
			case 'stale':
				redirect(303, `${here}?info=etape-jouee`);
			case 'finished':
				redirect(303, `${here}?info=termine`);
			default:
				redirect(303, `${here}#derniere-etape`);
		}
	}
};
