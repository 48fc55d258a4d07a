export * from './file-export.module';
export * from './file-export.service';
