/** Associated data bound into every encrypted answer set. */
export const INTAKE_ANSWERS_CONTEXT = 'intake_responses.answers';
