/** The bull queue that carries reminder emails. Redis holds only jobs; PostgreSQL holds every reminder. */
export const REMINDERS_QUEUE = 'reminders';
