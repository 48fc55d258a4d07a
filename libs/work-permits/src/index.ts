export * from './entities/work-permit-file.entity';
