export * from './forms';
export * from './intake.module';
export * from './intake.service';
export * from './intake.errors';
export * from './entities/intake-response.entity';
export * from './intake-answer-keys';
export { INTAKE_ANSWERS_CONTEXT } from './intake-answers';
