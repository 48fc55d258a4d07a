import { DatabaseModule } from './database.module';

describe('DatabaseModule', () => {
  it('is defined once per process, so two apps in one process (npm start) register one default data source', () => {
    // @nestjs/typeorm registers the data source name when forRootAsync is called and warns on the second one.
    expect(DatabaseModule.forRoot()).toBe(DatabaseModule.forRoot());
  });
});
