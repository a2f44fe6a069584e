// What a change to the followed names did, or why it was refused, in the
// reader's words: the notice on the page after "Follow “…”", the entities
// page, and the popup's suggestions all say it the same way.
import type { EditOutcome, EditProblem } from '../core/entity-edits';
import { NAME_MAX } from '../core/reader-names';
import { t } from './i18n';

/** A typed text as a message quotes it: long ones cut, so that the message stays one line. */
const quote = (text: string): string => {
  const chars = [...text.trim()];
  return chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : chars.join('');
};

export function problemText(problem: EditProblem): string {
  switch (problem.kind) {
    case 'name':
      if (problem.problem === 'empty') return t('problemEmpty');
      if (problem.problem === 'too-long') return t('problemTooLong', quote(problem.text), String(NAME_MAX));
      return t('problemNoLetters', quote(problem.text));
    case 'taken':
      return t('problemTaken', quote(problem.alias), problem.ownerName);
    case 'unknown-entity':
      return t('problemUnknownEntity');
    case 'not-own':
      return t('problemNotOwn');
    case 'last-name':
      return t('problemLastName', quote(problem.alias));
    case 'not-an-alias':
      return t('problemNotAlias', quote(problem.alias));
    case 'site':
      return t('problemSite', quote(problem.text));
    case 'description':
      return t('problemDescription');
    case 'too-many':
      return t('problemTooMany', String(problem.limit));
  }
}

/** What following a name did: the notice a follow from the page shows there. */
export function followText(outcome: EditOutcome): string {
  if (outcome.status === 'created') return t('followCreated', outcome.name, t(`type_${outcome.type}`));
  if (outcome.status === 'unchanged') return t('followUnchanged', outcome.name);
  return t('followFollowed', outcome.name);
}
