// Facts of the micro cells' tasks that the document's readers need as well as the harness that
// writes them: the name of the empty baseline task and the factor that flags a task as being at
// the timer's resolution.

/** The empty task with the same key indexing as the others: the floor of what can be measured. */
export const NULL_TASK = 'null';

/** A task whose mean is within this factor of the null baseline's is at the timer's resolution. */
export const RESOLUTION_FACTOR = 1.5;
