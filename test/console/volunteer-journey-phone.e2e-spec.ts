import { PHONE } from './console-browser';
import { describeVolunteerJourney } from './volunteer-journey';

describe('console: the volunteer journey on a 375 px phone', () => describeVolunteerJourney(PHONE));
