import React from 'react';
import { PluginPage } from '@grafana/runtime';
import { HomeContent } from './ui/HomeContent';

/** Landing page: the loop Hotpath supports and where each step lives. */
export function Home() {
  return (
    <PluginPage>
      <HomeContent />
    </PluginPage>
  );
}
