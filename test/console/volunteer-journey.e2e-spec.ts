import { DESKTOP } from './console-browser';
import { describeVolunteerJourney } from './volunteer-journey';

describe('console: the volunteer journey on a desktop', () => describeVolunteerJourney(DESKTOP));
