import type { QuizItem } from '../content/types';

/** Scope of the items' own tokens in a quiz session (what the form posts as `item`). */
export const QUIZ_ITEM_SCOPE = 'item';

/** The scopes within which an item's tokens and order are drawn: one per side of a matching. */
export const itemScopes = (item: QuizItem) => ({ options: item.id, left: `${item.id}:gauche`, right: `${item.id}:droite` });

/** Scope of the nodes' tokens in a scenario run (what the form posts as `node`). */
export const SCENARIO_NODE_SCOPE = 'node';

/** Scope of a node's choices: their tokens and order. */
export const nodeChoiceScope = (scenarioId: string, nodeId: string) => `${scenarioId}#${nodeId}`;
