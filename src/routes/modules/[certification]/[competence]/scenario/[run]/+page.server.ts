import { randomUUID } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { isUuid } from '$lib/server/db/ids';
import { equivalentsOf, requireModule } from '$lib/server/learning/modules';
import { chooseScenarioOption, findScenarioRun } from '$lib/server/learning/scenario.service';
import { md, mdInline, pathEffects, scenarioPath } from '$lib/server/learning/views';
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
	const effects = pathEffects(path);
	return {
		competence: { id: competence.id, number: competence.number, title: competence.title },
		moduleHref: `/modules/${params.certification}/${params.competence}`,
		scenario: { id: scenario.id, title: scenario.title, contextHtml: md(scenario.context) },
		notice: NOTICES[url.searchParams.get('info') ?? ''] ?? null,
		path,
		current:
			node && 'choices' in node
				? {
						nodeId: run.currentNode,
						textHtml: md(node.text),
						// Only the wording of each choice: its effects stay on the server.
						choices: node.choices.map((choice) => ({ id: choice.id, html: mdInline(choice.text) })),
						idempotencyKey: randomUUID()
					}
				: null,
		ending: ending
			? {
					title: ending.title,
					outcome: ending.outcome,
					textHtml: md(ending.text),
					debrief: [...new Set([...Object.keys(ending.debrief), ...effects.keys()])].map((criterionId) => {
						const effect = effects.get(criterionId);
						return {
							criterionId,
							criterion: catalog.criteria.get(criterionId)?.text ?? criterionId,
							html: ending.debrief[criterionId] ? md(ending.debrief[criterionId]) : '',
							average: effect ? effect.total / effect.count : null
						};
					})
				}
			: null
	};
};

export const actions: Actions = {
	choose: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const { module } = requireModule(params.certification, params.competence);
		const form = await request.formData();
		const nodeId = String(form.get('node') ?? '');
		const choiceId = String(form.get('choice') ?? '');
		const idempotencyKey = String(form.get('idempotency_key') ?? '');
		if (!isUuid(idempotencyKey)) error(400, 'Formulaire incomplet : rechargez la page.');
		if (!choiceId) return fail(400, { message: 'Choisissez une option avant de valider.' });

		const run = await findScenarioRun(getDb(), user.id, params.run);
		const scenario = run && module.scenarios.find((s) => s.id === run.scenarioId);
		if (!run || !scenario) error(404, 'Cas pratique introuvable.');
		const outcome = await chooseScenarioOption(getDb(), {
			userId: user.id,
			runId: run.id,
			nodeId,
			choiceId,
			idempotencyKey,
			module,
			scenario,
			now: new Date(),
			equivalentsOf
		});
		const here = `/modules/${params.certification}/${params.competence}/scenario/${params.run}`;
		switch (outcome.kind) {
			case 'not-found':
				error(404, 'Cas pratique introuvable.');
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
