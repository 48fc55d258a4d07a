import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ClientEntity } from './entities/client.entity';

export type ClientStatusListener = (
  manager: EntityManager,
  client: ClientEntity,
  actorId: string | null,
) => Promise<void>;

/**
 * Told, in the writing transaction, when a client's status in Canada or its dates change. The work-permits lib
 * listens to keep the status_expiry deadline in step (it depends on clients, so clients cannot call it).
 */
@Injectable()
export class ClientStatusListeners {
  private readonly listeners: ClientStatusListener[] = [];

  listen(listener: ClientStatusListener): void {
    this.listeners.push(listener);
  }

  async changed(manager: EntityManager, client: ClientEntity, actorId: string | null): Promise<void> {
    for (const listener of this.listeners) {
      await listener(manager, client, actorId);
    }
  }
}
