import { mountApp } from '@learningpt/ui';
import { App } from './app';
import './index.css';

mountApp(<App />);
