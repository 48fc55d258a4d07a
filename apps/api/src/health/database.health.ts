import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { databaseUnavailableReason } from '@app/database';
import { DependencyOutages } from '../http/dependency-outage';

const PING_TIMEOUT_MS = 2000;

/**
 * PostgreSQL answers `SELECT 1` within 2 s. When it does not, says why in a token safe for a public endpoint
 * (`ECONNREFUSED`, `57P01`, `timeout`), never the host or the driver's full message. Also tells DependencyOutages
 * when PostgreSQL is back: on a passing check, and whenever the pool opens a new connection.
 */
@Injectable()
export class DatabaseHealthIndicator implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly health: HealthIndicatorService,
    private readonly outages: DependencyOutages,
  ) {}

  onApplicationBootstrap(): void {
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    pool?.on('connect', () => this.outages.recovered('database'));
  }

  async check(key = 'database') {
    const indicator = this.health.check(key);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), PING_TIMEOUT_MS);
        }),
      ]);
      this.outages.recovered('database');
      return indicator.up();
    } catch (error) {
      const reason =
        databaseUnavailableReason(error) ??
        (error instanceof Error && error.message === 'timeout' ? 'timeout' : 'error');
      return indicator.down({ message: 'PostgreSQL does not answer', reason });
    } finally {
      clearTimeout(timer);
    }
  }
}
