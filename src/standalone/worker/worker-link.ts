/**
 * The page's registry of its workbook workers, as the engine client's link to them
 * (taskpane/engine/linked-cells.ts): a side's cells go from the workbook worker that holds them
 * straight to the engine worker, and a run's outputs straight back, each on a MessageChannel made
 * here for that one transfer; the page's thread only hands out the two ports.
 */
import type { EngineLink, LinkPort } from '../../taskpane/engine/worker-engine-client';
import type { SourceCells } from '../../taskpane/engine/engine-client';
import type { WorkbookClient } from './workbook-client';

export class WorkerLink implements EngineLink {
  private nextHolder = 1;
  private nextKey = 1;
  private readonly clients = new Map<number, WorkbookClient>();

  add(client: WorkbookClient): number {
    const holder = this.nextHolder++;
    this.clients.set(holder, client);
    return holder;
  }

  remove(holder: number): void {
    this.clients.delete(holder);
  }

  cells(held: NonNullable<SourceCells['held']>): LinkPort {
    const client = this.client(held.holder);
    const channel = new MessageChannel();
    // The answer on the page is only "posted"; a failure reaches the engine worker on the port.
    client.call({ type: 'serve', address: held.address, port: channel.port2 }, undefined, undefined, [channel.port2]).catch(() => undefined);
    return channel.port1;
  }

  outputs(holder: number): { port: LinkPort; key: number } {
    const client = this.client(holder);
    const key = this.nextKey++;
    const channel = new MessageChannel();
    client.call({ type: 'accept', key, port: channel.port2 }, undefined, undefined, [channel.port2]).catch(() => undefined);
    return { port: channel.port1, key };
  }

  private client(holder: number): WorkbookClient {
    const client = this.clients.get(holder);
    if (!client?.alive) throw new Error('The workbook these cells were read from is closed; choose the ranges again.');
    return client;
  }
}
