import { createContext, useContext, type ReactNode } from 'react';
import type { CalmaDatabase } from '../db/database';
import type { Mutate } from '../db/mutate';
import type { SearchClient } from '../features/search/searchClient';
import type { Host } from '../host';
import type { TransportFor } from '../sync/enrolment';
import type { SyncRunner } from '../sync/runner';

/** The long-lived services every feature uses, created once at start-up (see main.tsx). */
export interface Services {
  db: CalmaDatabase;
  mutate: Mutate;
  host: Host;
  search: SearchClient;
  /** Team sync: the runner (one owner per machine) and how to reach a server. */
  sync: { runner: SyncRunner; transportFor: TransportFor };
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}
