import { Extensions1732300000000 } from './1732300000000-extensions';
import { Accounts1732300001000 } from './1732300001000-accounts';
import { Incidents1732300002000 } from './1732300002000-incidents';
import { Shifts1732300003000 } from './1732300003000-shifts';
import { Events1732300004000 } from './1732300004000-events';
import { RoutingRules1732300005000 } from './1732300005000-routing-rules';
import { Conversations1732300006000 } from './1732300006000-conversations';
import { Assignments1732300007000 } from './1732300007000-assignments';
import { RoutingTimers1732300008000 } from './1732300008000-routing-timers';
import { AwaitingAgent1732300009000 } from './1732300009000-awaiting-agent';
import { ResolveFunction1732300010000 } from './1732300010000-resolve-function';
import { Sessions1732300011000 } from './1732300011000-sessions';
import { ApprovedAnswers1732300012000 } from './1732300012000-approved-answers';
import { ConversationNotes1732300013000 } from './1732300013000-conversation-notes';
import { FlightReplies1732300014000 } from './1732300014000-flight-replies';
import { UnroutableWork1732300015000 } from './1732300015000-unroutable-work';
import { VolunteerSafeguards1732300016000 } from './1732300016000-volunteer-safeguards';
import { Simulations1732300030000 } from './1732300030000-simulations';
import { UndecidedQueue1732300031000 } from './1732300031000-undecided-queue';
import { WaitingDecisions1732300032000 } from './1732300032000-waiting-decisions';

/** Listed explicitly so the app, the CLI and the test setup load the same classes without globbing. */
export const migrations = [
  Extensions1732300000000,
  Accounts1732300001000,
  Incidents1732300002000,
  Shifts1732300003000,
  Events1732300004000,
  RoutingRules1732300005000,
  Conversations1732300006000,
  Assignments1732300007000,
  RoutingTimers1732300008000,
  AwaitingAgent1732300009000,
  ResolveFunction1732300010000,
  Sessions1732300011000,
  ApprovedAnswers1732300012000,
  ConversationNotes1732300013000,
  FlightReplies1732300014000,
  UnroutableWork1732300015000,
  VolunteerSafeguards1732300016000,
  Simulations1732300030000,
  UndecidedQueue1732300031000,
  WaitingDecisions1732300032000,
];
