import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AfterCommit } from './after-commit';
import { TransactionRunner } from './transaction-runner';

/**
 * The connection pool routing decides on. Routing holds its connections while it waits for agent
 * and conversation locks; on a pool of its own that wait never takes a connection from the requests
 * (intake, replies, sign-ins) that create the work and the capacity routing is waiting for.
 */
export const ROUTING_CONNECTION = 'routing';

/** Transactions on the routing pool. */
@Injectable()
export class RoutingTransactionRunner extends TransactionRunner {
  constructor(@InjectDataSource(ROUTING_CONNECTION) dataSource: DataSource, afterCommit: AfterCommit) {
    super(dataSource, afterCommit);
  }
}
