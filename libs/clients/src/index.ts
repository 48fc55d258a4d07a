export * from './entities/client.entity';
