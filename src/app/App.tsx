import React from 'react';
import { Route, Routes } from 'react-router-dom';
import { type AppRootProps } from '@grafana/data';
import { ROUTES, type AppSettings } from '../constants';
import { Home } from '../pages/Home/Home';

function App(_props: AppRootProps<AppSettings>) {
  return (
    <Routes>
      <Route path={ROUTES.Home} element={<Home />} />
      <Route path="*" element={<Home />} />
    </Routes>
  );
}

export default App;
