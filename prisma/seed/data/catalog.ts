// Categories and programs with their curriculum (sections, lessons and lesson documentation).
import type { ProgramLevel, ProgramStatus } from '@learningpt/db';

export interface SeedCategory {
  slug: string;
  name: string;
  description: string;
  parent?: string;
  sortOrder: number;
  isActive?: boolean;
}

export const CATEGORIES: readonly SeedCategory[] = [
  { slug: 'technology', name: 'Technology', description: 'Systems, networks, security and the cloud.', sortOrder: 1 },
  {
    slug: 'cloud',
    name: 'Cloud Computing',
    description: 'AWS, containers and infrastructure as code.',
    parent: 'technology',
    sortOrder: 1,
  },
  {
    slug: 'development',
    name: 'Development',
    description: 'Build software for the web, mobile and beyond.',
    sortOrder: 2,
  },
  {
    slug: 'web-development',
    name: 'Web Development',
    description: 'Front end, back end and everything in between.',
    parent: 'development',
    sortOrder: 1,
  },
  {
    slug: 'mobile',
    name: 'Mobile Development',
    description: 'Native and cross-platform apps.',
    parent: 'development',
    sortOrder: 2,
  },
  { slug: 'marketing', name: 'Marketing', description: 'Reach, convert and keep the right audience.', sortOrder: 3 },
  { slug: 'design', name: 'Design', description: 'Interfaces, research and visual craft.', sortOrder: 4 },
  { slug: 'business', name: 'Business', description: 'Product, finance and leadership fundamentals.', sortOrder: 5 },
  {
    slug: 'data-science',
    name: 'Data Science',
    description: 'Analysis, statistics and visual storytelling with data.',
    sortOrder: 6,
  },
  {
    slug: 'machine-learning',
    name: 'Machine Learning',
    description: 'From linear models to deep learning.',
    parent: 'data-science',
    sortOrder: 1,
  },
  // Retired category kept for old links: inactive, no programs.
  { slug: 'fitness', name: 'Fitness Training', description: 'Retired category.', sortOrder: 99, isActive: false },
];

export interface SeedLesson {
  title: string;
  minutes: number;
  /** The lesson's documentation, as paragraphs (rendered to HTML by the seed). */
  paragraphs: string[];
}

export interface SeedSection {
  title: string;
  lessons: SeedLesson[];
}

/** chatbot, documentation, examSimulator, bundle, in cents. */
export type Prices = readonly [number, number, number, number];

export interface SeedProgram {
  slug: string;
  title: string;
  description: string;
  about: string;
  category: string;
  instructor: 'jane' | 'marcus' | 'sofia';
  level: ProgramLevel;
  status: ProgramStatus;
  featured?: boolean;
  /** Soft-deleted (deletedAt set): hidden everywhere, rows kept. */
  deleted?: boolean;
  prices: Prices | 'free';
  durationLabel: string;
  prerequisites: string[];
  learningOutcomes: string[];
  freeQuestionsCount: number;
  /** Days relative to BASE_DATE. */
  createdDay: number;
  sections: SeedSection[];
}

const L = (title: string, minutes: number, ...paragraphs: string[]): SeedLesson => ({ title, minutes, paragraphs });
const S = (title: string, ...lessons: SeedLesson[]): SeedSection => ({ title, lessons });

export const PROGRAMS: readonly SeedProgram[] = [
  // ── Development > Web Development (Jane) ──────────────────────────────────
  {
    slug: 'full-stack-development-bootcamp',
    title: 'Full Stack Development Bootcamp',
    description: 'Build and deploy a complete web application with React, Node.js and PostgreSQL.',
    about:
      'A project-driven bootcamp: you design a data model, expose it through a typed API, build a React front end on top of it and ship the result. Every module ends with working code you keep.',
    category: 'web-development',
    instructor: 'jane',
    level: 'intermediate',
    status: 'published',
    featured: true,
    prices: [999, 1499, 1999, 3499],
    durationLabel: '8 weeks',
    prerequisites: ['Basic JavaScript', 'HTML/CSS'],
    learningOutcomes: [
      'Design a relational schema for a real product',
      'Build a typed REST API with Node.js',
      'Ship a React front end with authentication',
    ],
    freeQuestionsCount: 5,
    createdDay: -200,
    sections: [
      S(
        'Foundations',
        L(
          'How the web stack fits together',
          18,
          'A web application is three cooperating programs: the browser runs the user interface, the server enforces the rules, and the database remembers. Requests flow from the browser to the server over HTTP; the server reads and writes rows in the database and answers with JSON.',
          'Keeping these responsibilities apart is what lets you change one layer without rewriting the others. In this bootcamp the browser never talks to the database directly, and the server never renders pixels.',
        ),
        L(
          'Modelling data in PostgreSQL',
          25,
          'Start from the nouns of your product: users, courses, enrollments. Each becomes a table, each fact about it a column, and each relationship a foreign key. Constraints such as UNIQUE (user_id, course_id) turn business rules into guarantees the database enforces for you.',
          'Prefer integer minor units for money, timestamptz for instants, and explicit NOT NULL on everything that must exist. Schema mistakes are the most expensive ones to fix later.',
        ),
      ),
      S(
        'Building the API',
        L(
          'Routing and validation with Node.js',
          22,
          'Every endpoint does the same three things: validate the input, perform the work inside a transaction, and shape the output. Validating at the edge with a schema library means the rest of your code can trust its arguments.',
          'Return the right status code: 400 for malformed input, 401 when the caller is not signed in, 403 when they are but may not do this, 404 when the thing does not exist and 409 on conflicts.',
        ),
        L(
          'Authentication with sessions',
          28,
          'A session is a random token the server hands out at sign-in and recognises on every request. Store only a hash of the token, expire sessions after inactivity, and revoke them all when a password changes.',
          'Hash passwords with a slow, memory-hard function such as argon2id. Never log tokens or passwords, and never tell an attacker whether an email address has an account.',
        ),
      ),
    ],
  },
  {
    slug: 'react-mastery',
    title: 'React Mastery',
    description: 'Components, hooks, state and performance: React the way production teams write it.',
    about:
      'From your first component to a well-structured application: composition, hooks, data fetching, forms and rendering performance, each taught with exercises and an AI tutor that knows the material.',
    category: 'web-development',
    instructor: 'jane',
    level: 'intermediate',
    status: 'published',
    featured: true,
    prices: [1299, 1799, 2299, 3999],
    durationLabel: '6 weeks',
    prerequisites: ['Modern JavaScript (ES2020+)', 'Basic HTML and CSS'],
    learningOutcomes: [
      'Compose UIs from small, reusable components',
      'Manage state and side effects with hooks',
      'Find and fix rendering performance problems',
    ],
    freeQuestionsCount: 5,
    createdDay: -190,
    sections: [
      S(
        'Thinking in components',
        L(
          'Components and props',
          15,
          'A React component is a function from props to UI. Props flow down from parent to child and are read-only: a component that needs to change what it shows keeps state or asks its parent to change the props.',
          'Split a screen into components along the lines of responsibility, not size. A good component has one reason to change.',
        ),
        L(
          'State and events',
          20,
          'useState gives a component memory between renders. Calling the setter schedules a re-render with the new value; React batches updates made in the same event handler.',
          'Keep state minimal and derive everything else during render. Two pieces of state that must always agree are a bug waiting to happen.',
        ),
      ),
      S(
        'Hooks in depth',
        L(
          'Effects and their dependencies',
          24,
          'useEffect synchronises a component with something outside React: a subscription, a timer, the document title. Its dependency array lists every value from the component that the effect reads; when one changes, React cleans up the old effect and runs the new one.',
          'If you are computing a value from props or state, you do not need an effect. Effects are for side effects.',
        ),
        L(
          'Custom hooks',
          18,
          'A custom hook is a function whose name starts with "use" and that calls other hooks. It lets several components share stateful logic, such as a debounced search or an online/offline indicator, without sharing state itself.',
          'Each component that calls a custom hook gets its own independent copy of the state inside it.',
        ),
      ),
    ],
  },
  {
    slug: 'typescript-fundamentals',
    title: 'TypeScript Fundamentals',
    description: 'Types, interfaces, generics and narrowing: write JavaScript that explains itself.',
    about:
      'A free, hands-on introduction to TypeScript for JavaScript developers. Learn to let the compiler catch mistakes before your users do.',
    category: 'web-development',
    instructor: 'jane',
    level: 'beginner',
    status: 'published',
    prices: 'free',
    durationLabel: '3 weeks',
    prerequisites: ['Basic JavaScript'],
    learningOutcomes: [
      'Annotate functions and objects with types',
      'Use union types and narrowing',
      'Write reusable generic functions',
    ],
    freeQuestionsCount: 10,
    createdDay: -180,
    sections: [
      S(
        'The type system',
        L(
          'Why types?',
          10,
          'TypeScript adds a static type checker on top of JavaScript. The types disappear when the code is compiled, but while you write it they let the editor catch typos, missing cases and wrong arguments.',
          'Start by enabling strict mode. It is easier to begin strict than to tighten a large codebase later.',
        ),
        L(
          'Unions and narrowing',
          16,
          'A union type such as string | number says a value may be one of several types. Before you use it, narrow it with typeof, instanceof, the in operator or a discriminant property, and TypeScript follows your checks.',
          'Discriminated unions, objects that share a literal "kind" field, are the idiomatic way to model states like loading, success and error.',
        ),
      ),
      S(
        'Reusable code',
        L(
          'Generics',
          18,
          'Generics let a function or type work over many types while keeping them connected. function first<T>(items: T[]): T | undefined returns the same type that the array holds.',
          'Constrain a type parameter with extends when your code needs something from it, for example <T extends { id: string }>.',
        ),
        L(
          'Working with libraries',
          12,
          'Most popular packages ship their own type declarations; others have them on DefinitelyTyped under @types. When a library has no types, declare only what you use in a small .d.ts file.',
          'Prefer unknown over any for values you have not checked yet: unknown forces you to narrow before use.',
        ),
      ),
    ],
  },
  {
    slug: 'nodejs-apis-with-fastify',
    title: 'Building APIs with Node.js and Fastify',
    description: 'Fast, well-validated HTTP APIs with Fastify, JSON schemas and PostgreSQL.',
    about:
      'Learn to build production-grade HTTP APIs: routing, validation, error handling, authentication, database access and testing, using Fastify and PostgreSQL.',
    category: 'web-development',
    instructor: 'jane',
    level: 'intermediate',
    status: 'published',
    prices: [899, 1299, 1699, 2999],
    durationLabel: '5 weeks',
    prerequisites: ['JavaScript', 'Basic SQL'],
    learningOutcomes: [
      'Structure a Fastify application with plugins',
      'Validate requests and serialise responses',
      'Test an API against a real database',
    ],
    freeQuestionsCount: 5,
    createdDay: -170,
    sections: [
      S(
        'Fastify essentials',
        L(
          'Routes, plugins and encapsulation',
          20,
          'Fastify organises an application as a tree of plugins. Decorators and hooks registered inside a plugin are visible to that plugin and its children only, which keeps features isolated.',
          'Use fastify-plugin only for code that must be shared with the parent scope, such as a database client.',
        ),
        L(
          'Validation and serialisation',
          18,
          'Declare a schema for the body, query and params of each route and Fastify rejects bad input with a 400 before your handler runs. A response schema does the opposite job: it serialises quickly and drops any field you did not list.',
          'Treat the response schema as an allow-list: a password hash that is not in it cannot leak.',
        ),
      ),
      S(
        'Data and tests',
        L(
          'Transactions and connection pools',
          22,
          'Open a pool once at start-up and borrow a connection per request. Wrap multi-step writes in a transaction so that either all of them happen or none do.',
          'Size the pool for your database, not for your traffic: more connections than the database has cores rarely helps.',
        ),
        L(
          'Testing with a real database',
          20,
          'Mocks of the database test your mocks. Start a throw-away PostgreSQL, apply the migrations to a template, and give each test file a fresh copy created from it.',
          "Fastify's inject method sends requests to the app in memory, with no network, so integration tests stay fast.",
        ),
      ),
    ],
  },
  {
    slug: 'advanced-react-patterns',
    title: 'Advanced React Patterns',
    description: 'Compound components, render props, reducers and state machines for complex UIs.',
    about:
      'For developers who already ship React: the patterns behind flexible component libraries and large applications.',
    category: 'web-development',
    instructor: 'jane',
    level: 'advanced',
    status: 'draft',
    prices: [1299, 1799, 2299, 3999],
    durationLabel: '6 weeks',
    prerequisites: ['React Mastery or equivalent experience'],
    learningOutcomes: [
      'Design compound component APIs',
      'Model complex state with reducers',
      'Share behaviour without sharing markup',
    ],
    freeQuestionsCount: 3,
    createdDay: -20,
    sections: [
      S(
        'Flexible components',
        L(
          'Compound components',
          22,
          'Compound components, such as Tabs with Tabs.List and Tabs.Panel, share implicit state through context. The parent owns the state; the children read it, so users arrange the markup however they like.',
          'Expose the smallest API that covers the real use cases, and let composition handle the rest.',
        ),
        L(
          'State reducers',
          20,
          'A state reducer lets the user of a component intercept every state change and adjust it. It is the escape hatch that keeps a component library from growing a prop for every special case.',
          'Document the actions your reducer can receive: they become part of your public API.',
        ),
      ),
    ],
  },
  {
    slug: 'css-layout-essentials',
    title: 'CSS Layout Essentials',
    description: 'Flexbox, Grid and responsive layouts without the guesswork.',
    about:
      'A free course on modern CSS layout. Build responsive pages with Flexbox and Grid, and understand why they behave the way they do.',
    category: 'web-development',
    instructor: 'jane',
    level: 'beginner',
    status: 'published',
    prices: 'free',
    durationLabel: '2 weeks',
    prerequisites: ['Basic HTML'],
    learningOutcomes: [
      'Lay out components with Flexbox',
      'Build page layouts with CSS Grid',
      'Make layouts responsive with media and container queries',
    ],
    freeQuestionsCount: 10,
    createdDay: -160,
    sections: [
      S(
        'One dimension: Flexbox',
        L(
          'The flex container',
          12,
          "display: flex turns an element's children into flex items laid out along a main axis. justify-content distributes them along that axis, align-items positions them across it.",
          'Use gap for spacing between items instead of margins: it never adds space at the edges.',
        ),
        L(
          'Growing and shrinking',
          14,
          'flex-grow, flex-shrink and flex-basis decide how items share free space. flex: 1 makes items share it equally; flex: none keeps an item at its natural size.',
          'When an item refuses to shrink, check its min-width: flex items default to min-width: auto.',
        ),
      ),
      S(
        'Two dimensions: Grid',
        L(
          'Grid templates',
          15,
          'grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)) creates as many columns as fit, each at least 16rem wide. The fr unit shares the remaining space.',
          'Name grid areas for page layouts: the CSS then reads like a picture of the page.',
        ),
        L(
          'Responsive layouts',
          13,
          'Media queries adapt a layout to the viewport; container queries adapt a component to the space its parent gives it. Prefer intrinsic layouts that need no breakpoints at all where you can.',
          'Test with real content: long words and missing images break more layouts than narrow screens do.',
        ),
      ),
    ],
  },
  // ── Development > Mobile (Jane) ───────────────────────────────────────────
  {
    slug: 'react-native-from-zero',
    title: 'React Native from Zero',
    description: 'Ship iOS and Android apps from one TypeScript codebase.',
    about:
      'Use what you know about React to build native mobile apps: navigation, lists, device APIs, offline storage and publishing to the stores.',
    category: 'mobile',
    instructor: 'jane',
    level: 'beginner',
    status: 'published',
    prices: [799, 1199, 1499, 2499],
    durationLabel: '5 weeks',
    prerequisites: ['Basic React'],
    learningOutcomes: [
      'Build screens with native components',
      'Navigate between screens',
      'Store data offline on the device',
    ],
    freeQuestionsCount: 5,
    createdDay: -150,
    sections: [
      S(
        'Getting started',
        L(
          'Native components',
          16,
          'React Native renders real native views: a View becomes a UIView on iOS and an android.view.View on Android. Text must always live inside a Text component.',
          'Styles are JavaScript objects with camelCased CSS-like properties, laid out with Flexbox by default in a column.',
        ),
        L(
          'Lists that scroll smoothly',
          18,
          'FlatList renders only the rows near the visible area, so lists of thousands of items stay fast. Give it a keyExtractor and keep renderItem cheap.',
          'Avoid ScrollView for long, data-driven lists: it renders every child up front.',
        ),
      ),
      S(
        'Apps people keep',
        L(
          'Navigation',
          17,
          'Stack navigators push and pop screens like a browser history; tab navigators switch between top-level sections. Pass identifiers between screens, not whole objects.',
          'Deep links map URLs to screens, so notifications and emails can open the right place in the app.',
        ),
        L(
          'Offline storage',
          15,
          'Store small settings in key-value storage and structured data in SQLite. Treat the network as optional: show what you have, then refresh.',
          'Never store secrets in plain storage; use the platform keychain or keystore.',
        ),
      ),
    ],
  },
  {
    slug: 'swiftui-essentials',
    title: 'SwiftUI Essentials',
    description: 'Declarative iOS interfaces with SwiftUI and Swift concurrency.',
    about:
      'Build modern iPhone apps with SwiftUI: views, state, navigation, networking with async/await, and the data flow patterns Apple recommends.',
    category: 'mobile',
    instructor: 'jane',
    level: 'intermediate',
    status: 'published',
    prices: [899, 1299, 1699, 2999],
    durationLabel: '6 weeks',
    prerequisites: ['Basic Swift'],
    learningOutcomes: [
      'Compose SwiftUI views',
      'Manage state with @State and @Observable',
      'Load data with async/await',
    ],
    freeQuestionsCount: 5,
    createdDay: -140,
    sections: [
      S(
        'Views and state',
        L(
          'Declarative views',
          15,
          'A SwiftUI view is a value that describes its body. When state changes, SwiftUI recomputes the body and updates only what differs on screen.',
          'Modifiers such as padding and foregroundStyle return new views; their order matters.',
        ),
        L(
          'State and bindings',
          18,
          '@State owns a value inside a view; a Binding lets a child read and write it without owning it. Observable model classes share state across many views.',
          'Keep the source of truth in one place and pass bindings down.',
        ),
      ),
      S(
        'Data',
        L(
          'Networking with async/await',
          20,
          'Mark a function async and await the network call; the .task modifier starts the work when the view appears and cancels it when the view goes away.',
          'Decode JSON with Codable types and handle errors explicitly: show the user something useful when the network fails.',
        ),
        L(
          'Lists and navigation',
          16,
          'List and ForEach render collections of Identifiable values. NavigationStack with navigationDestination pushes detail screens driven by data, not by view instances.',
          'Model navigation as state and it becomes testable and restorable.',
        ),
      ),
    ],
  },
  // ── Development (root) (Jane) ─────────────────────────────────────────────
  {
    slug: 'git-and-github-for-teams',
    title: 'Git and GitHub for Teams',
    description: 'Branches, pull requests and code review: collaborate without stepping on each other.',
    about:
      'A free, practical course on version control for teams: how Git stores history, how to branch and merge safely, and how to review code kindly and well.',
    category: 'development',
    instructor: 'jane',
    level: 'beginner',
    status: 'published',
    prices: 'free',
    durationLabel: '2 weeks',
    prerequisites: [],
    learningOutcomes: [
      'Understand commits, branches and merges',
      'Resolve merge conflicts calmly',
      'Run an effective pull request review',
    ],
    freeQuestionsCount: 10,
    createdDay: -130,
    sections: [
      S(
        'How Git thinks',
        L(
          'Commits and history',
          12,
          'A commit is a snapshot of your project plus a pointer to its parent. Branches are just movable labels pointing at commits, which is why creating one is instant.',
          'Write commit messages for the reader six months from now: what changed and why.',
        ),
        L(
          'Merging and rebasing',
          16,
          'Merging joins two lines of history with a merge commit; rebasing replays your commits on top of another branch for a straight line. Both end with the same files.',
          'Never rebase commits that others have already pulled.',
        ),
      ),
      S(
        'Working together',
        L(
          'Pull requests',
          14,
          'A pull request proposes merging a branch and gives the team a place to discuss it. Keep them small: reviewers catch more in 200 lines than in 2,000.',
          'Describe what the change does, how you tested it and what the reviewer should look at first.',
        ),
        L(
          'Reviewing code',
          13,
          'Review for correctness first, then clarity, then style, and let tools handle formatting. Ask questions rather than issuing orders.',
          'Approve when the change makes the code better, even if it is not how you would have written it.',
        ),
      ),
    ],
  },
  {
    slug: 'clean-code-in-practice',
    title: 'Clean Code in Practice',
    description: 'Naming, functions, tests and refactoring for code that stays easy to change.',
    about: 'Retired in favour of newer material; kept for existing students.',
    category: 'development',
    instructor: 'jane',
    level: 'intermediate',
    status: 'archived',
    prices: [699, 999, 1299, 2299],
    durationLabel: '4 weeks',
    prerequisites: ['Experience in any programming language'],
    learningOutcomes: ['Name things precisely', 'Refactor in small, safe steps', 'Write tests that document behaviour'],
    freeQuestionsCount: 5,
    createdDay: -230,
    sections: [
      S(
        'Readable code',
        L(
          'Naming',
          12,
          'A good name says what a thing is for, not how it is implemented. If you need a comment to explain a variable, try a better name first.',
          'Use the words of the domain: the code should read like the business talks.',
        ),
        L(
          'Small, safe refactorings',
          16,
          'Refactoring changes structure without changing behaviour. Make one small change, run the tests, commit, repeat.',
          'Rename, extract function and inline variable cover most day-to-day refactoring.',
        ),
      ),
    ],
  },
  // ── Technology (Marcus) ───────────────────────────────────────────────────
  {
    slug: 'linux-command-line-basics',
    title: 'Linux Command Line Basics',
    description: 'Navigate, search and automate on the Linux shell.',
    about:
      'A free introduction to the shell: files and permissions, pipes and redirection, processes, and small scripts that save you hours.',
    category: 'technology',
    instructor: 'marcus',
    level: 'beginner',
    status: 'published',
    prices: 'free',
    durationLabel: '2 weeks',
    prerequisites: [],
    learningOutcomes: [
      'Move around and manage files from the shell',
      'Combine commands with pipes',
      'Write a simple Bash script',
    ],
    freeQuestionsCount: 10,
    createdDay: -185,
    sections: [
      S(
        'The shell',
        L(
          'Files and directories',
          12,
          'pwd shows where you are, ls lists what is there and cd moves you. Paths starting with / are absolute; the rest are relative to the current directory.',
          'Tab completion saves typing and prevents typos: press it early and often.',
        ),
        L(
          'Permissions',
          14,
          'Every file has an owner, a group and read, write and execute bits for each. chmod changes the bits, chown the owner.',
          'Avoid chmod 777: it lets anyone on the machine change your files.',
        ),
      ),
      S(
        'Automation',
        L(
          'Pipes and redirection',
          15,
          "A pipe sends one command's output into the next: grep ERROR app.log | sort | uniq -c counts distinct errors. > writes output to a file and >> appends.",
          'Small tools combined with pipes are the heart of the Unix philosophy.',
        ),
        L(
          'Your first script',
          16,
          'A Bash script is a text file of commands starting with #!/usr/bin/env bash. Add set -euo pipefail so it stops at the first error instead of carrying on blindly.',
          'Quote your variables: "$file" survives spaces in names, $file does not.',
        ),
      ),
    ],
  },
  {
    slug: 'networking-fundamentals',
    title: 'Networking Fundamentals',
    description: 'IP, DNS, TCP and HTTP explained from the wire up.',
    about:
      'Understand what actually happens when you type a URL: addressing, routing, name resolution, transport and the web protocols on top.',
    category: 'technology',
    instructor: 'marcus',
    level: 'beginner',
    status: 'published',
    prices: [599, 899, 1199, 1999],
    durationLabel: '4 weeks',
    prerequisites: [],
    learningOutcomes: [
      'Explain IP addressing and subnets',
      'Trace a DNS lookup',
      'Describe TCP connection setup and HTTP',
    ],
    freeQuestionsCount: 5,
    createdDay: -175,
    sections: [
      S(
        'Addressing',
        L(
          'IP addresses and subnets',
          16,
          'An IPv4 address is 32 bits, usually written as four numbers. A prefix such as /24 says how many leading bits identify the network; the rest identify a host on it.',
          'Private ranges like 10.0.0.0/8 are not routed on the public internet; NAT translates them at the edge.',
        ),
        L(
          'DNS',
          14,
          "DNS turns names into addresses. A resolver asks the root servers, then the top-level domain servers, then the domain's own name servers, caching each answer for its TTL.",
          'When something "works by IP but not by name", check DNS first.',
        ),
      ),
      S(
        'Transport and the web',
        L(
          'TCP and UDP',
          15,
          'TCP gives an ordered, reliable byte stream after a three-way handshake; UDP sends independent datagrams with no guarantees and no setup cost.',
          'Video calls use UDP because a late packet is worse than a lost one.',
        ),
        L(
          'HTTP and TLS',
          17,
          "HTTP is a request-response protocol of methods, paths, headers and bodies. TLS wraps it in encryption and proves the server's identity with a certificate.",
          'HTTP/2 and HTTP/3 change how bytes travel, not what requests mean.',
        ),
      ),
    ],
  },
  {
    slug: 'cybersecurity-essentials',
    title: 'Cybersecurity Essentials',
    description: 'Threats, defences and secure habits for developers and IT staff.',
    about:
      'The security knowledge every technologist needs: common attacks, authentication, encryption, secure development and incident response basics.',
    category: 'technology',
    instructor: 'marcus',
    level: 'intermediate',
    status: 'published',
    prices: [999, 1499, 1999, 3499],
    durationLabel: '5 weeks',
    prerequisites: ['Networking Fundamentals or equivalent'],
    learningOutcomes: [
      'Recognise the OWASP Top 10 risks',
      'Store passwords and secrets safely',
      'Respond to a security incident',
    ],
    freeQuestionsCount: 5,
    createdDay: -165,
    sections: [
      S(
        'Know the threats',
        L(
          'The OWASP Top 10',
          20,
          'Broken access control, injection and security misconfiguration top the list of web application risks year after year. Most are prevented by validating input, checking permissions on every request and keeping defaults safe.',
          'Security is a property of the whole system: one unchecked endpoint is enough.',
        ),
        L(
          'Phishing and social engineering',
          14,
          'Attackers often target people rather than software. Multi-factor authentication turns a stolen password from a breach into a failed login.',
          'Make reporting a suspicious email easy and blame-free.',
        ),
      ),
      S(
        'Build defences',
        L(
          'Passwords and secrets',
          18,
          'Store passwords only as slow, salted hashes such as argon2id or bcrypt. Keep API keys out of source control and rotate them when people leave.',
          'Compare secrets in constant time to avoid timing attacks.',
        ),
        L(
          'Incident response',
          16,
          'Prepare before it happens: know who to call, where the logs are and how to revoke access. During an incident, contain first, then investigate, then recover.',
          'Write a blameless post-mortem and fix the system, not the person.',
        ),
      ),
    ],
  },
  // ── Technology > Cloud (Marcus) ───────────────────────────────────────────
  {
    slug: 'aws-cloud-practitioner-prep',
    title: 'AWS Cloud Practitioner Exam Prep',
    description: 'Everything you need to pass the AWS Certified Cloud Practitioner exam.',
    about:
      'A focused preparation course for the AWS Cloud Practitioner certification: core services, pricing, security and the shared responsibility model, with a realistic exam simulator.',
    category: 'cloud',
    instructor: 'marcus',
    level: 'beginner',
    status: 'published',
    featured: true,
    prices: [799, 1199, 1999, 2999],
    durationLabel: '4 weeks',
    prerequisites: [],
    learningOutcomes: [
      'Describe core AWS compute, storage and database services',
      'Explain the shared responsibility model',
      'Estimate and control AWS costs',
    ],
    freeQuestionsCount: 10,
    createdDay: -155,
    sections: [
      S(
        'Cloud concepts',
        L(
          'Why the cloud?',
          12,
          'The cloud trades capital expense for variable expense: you rent capacity by the second instead of buying servers up front. Elasticity means you scale out for a peak and back in afterwards.',
          'AWS groups its data centres into Availability Zones, and zones into Regions; spreading across zones survives the loss of one.',
        ),
        L(
          'The shared responsibility model',
          14,
          'AWS is responsible for security of the cloud: hardware, facilities and the virtualisation layer. You are responsible for security in the cloud: your data, identities, network rules and operating system patches.',
          'The split moves with the service: with managed services like S3 or Lambda, AWS takes on more.',
        ),
      ),
      S(
        'Core services',
        L(
          'Compute and storage',
          18,
          'EC2 gives you virtual machines, Lambda runs functions without servers, and S3 stores objects with eleven nines of durability. EBS volumes are block storage attached to a single instance.',
          'Pick S3 storage classes by access pattern: Standard for hot data, Glacier for archives.',
        ),
        L(
          'Pricing and support',
          15,
          'On-Demand is flexible, Savings Plans and Reserved Instances trade commitment for discounts, and Spot uses spare capacity at a steep discount but can be interrupted.',
          'AWS Budgets alerts you before costs surprise you; Cost Explorer shows where the money went.',
        ),
      ),
    ],
  },
  {
    slug: 'docker-and-kubernetes',
    title: 'Docker and Kubernetes in Practice',
    description: 'Package applications in containers and run them reliably on Kubernetes.',
    about:
      'Containerise an application, then deploy, scale, configure and observe it on Kubernetes, with the trade-offs explained.',
    category: 'cloud',
    instructor: 'marcus',
    level: 'intermediate',
    status: 'published',
    prices: [1099, 1599, 1999, 3699],
    durationLabel: '6 weeks',
    prerequisites: ['Linux Command Line Basics'],
    learningOutcomes: [
      'Write small, secure Dockerfiles',
      'Deploy and scale workloads on Kubernetes',
      'Configure health checks and rolling updates',
    ],
    freeQuestionsCount: 5,
    createdDay: -145,
    sections: [
      S(
        'Containers',
        L(
          'Images and Dockerfiles',
          18,
          'An image is a stack of read-only layers; each Dockerfile instruction adds one. Order instructions from least to most frequently changing so the build cache does its job.',
          'Multi-stage builds compile in one image and copy only the result into a small runtime image.',
        ),
        L(
          'Running containers',
          14,
          'A container is a process with its own filesystem, network and limits. Pass configuration through environment variables and keep state in volumes, never in the container.',
          'Run as a non-root user: it costs one line and removes a class of risks.',
        ),
      ),
      S(
        'Kubernetes',
        L(
          'Pods, Deployments and Services',
          22,
          'A Pod runs one or more containers together; a Deployment keeps the desired number of Pods running and rolls out new versions; a Service gives them a stable address.',
          'You describe the desired state in YAML and controllers work continuously to make reality match.',
        ),
        L(
          'Health checks and scaling',
          18,
          'Readiness probes decide when a Pod receives traffic; liveness probes restart a Pod that is stuck. The Horizontal Pod Autoscaler adds Pods when CPU or custom metrics rise.',
          'A liveness probe that checks the database will restart every Pod when the database blips: keep it local.',
        ),
      ),
    ],
  },
  {
    slug: 'terraform-infrastructure-as-code',
    title: 'Terraform: Infrastructure as Code',
    description: 'Describe, review and change cloud infrastructure with Terraform.',
    about: 'Treat infrastructure like application code: versioned, reviewed and reproducible.',
    category: 'cloud',
    instructor: 'marcus',
    level: 'advanced',
    status: 'draft',
    prices: [1199, 1699, 2199, 3799],
    durationLabel: '5 weeks',
    prerequisites: ['Docker and Kubernetes in Practice', 'An AWS account'],
    learningOutcomes: [
      'Write reusable Terraform modules',
      'Manage remote state safely',
      'Review infrastructure changes with plans',
    ],
    freeQuestionsCount: 3,
    createdDay: -10,
    sections: [
      S(
        'Terraform basics',
        L(
          'Providers, resources and state',
          18,
          'Terraform compares the resources in your configuration with its state file and the real world, then plans the changes needed to make them match.',
          'Keep state remote and locked so two people cannot apply at once.',
        ),
        L(
          'Modules',
          16,
          'A module is a folder of Terraform files with inputs and outputs. Modules turn a pattern, such as a service with its load balancer and alarms, into one reusable block.',
          'Version your modules and upgrade them deliberately.',
        ),
      ),
    ],
  },
  // ── Data Science (Marcus) ────────────────────────────────────────────────
  {
    slug: 'python-for-data-analysis',
    title: 'Python for Data Analysis',
    description: 'Load, clean, analyse and visualise data with Python and pandas.',
    about:
      'Go from spreadsheet to reproducible analysis: Python essentials, pandas DataFrames, cleaning messy data, aggregation and charts.',
    category: 'data-science',
    instructor: 'marcus',
    level: 'beginner',
    status: 'published',
    featured: true,
    prices: [899, 1299, 1699, 2999],
    durationLabel: '6 weeks',
    prerequisites: [],
    learningOutcomes: [
      'Load and clean tabular data with pandas',
      'Group, aggregate and join datasets',
      'Communicate findings with charts',
    ],
    freeQuestionsCount: 10,
    createdDay: -135,
    sections: [
      S(
        'Python and pandas',
        L(
          'Python essentials for analysts',
          16,
          'Lists, dictionaries, functions and loops are enough Python to start analysing data. Jupyter notebooks let you run code step by step and see results right away.',
          'Name variables after what they hold, such as monthly_revenue, and your notebook explains itself.',
        ),
        L(
          'DataFrames',
          20,
          'A pandas DataFrame is a table with labelled columns. read_csv loads one, head shows the first rows and info lists the columns with their types and missing values.',
          'Select columns with df["price"] and filter rows with boolean masks such as df[df["price"] > 100].',
        ),
      ),
      S(
        'Analysis',
        L(
          'Cleaning data',
          18,
          'Real data has missing values, duplicates and inconsistent spellings. dropna, fillna, drop_duplicates and str methods fix most problems; document every choice you make.',
          'Check types early: a numeric column read as text will sort and sum wrongly.',
        ),
        L(
          'Grouping and aggregation',
          18,
          'groupby splits a table into groups, applies a function such as sum or mean to each, and combines the results. It answers questions like "revenue per region per month".',
          'merge joins tables on shared keys, just like a SQL join.',
        ),
      ),
    ],
  },
  {
    slug: 'sql-for-analysts',
    title: 'SQL for Analysts',
    description: 'Query, join and aggregate data in relational databases.',
    about:
      'A free course that teaches the SQL analysts use every day: filtering, joins, aggregation, window functions and readable queries.',
    category: 'data-science',
    instructor: 'marcus',
    level: 'beginner',
    status: 'published',
    prices: 'free',
    durationLabel: '3 weeks',
    prerequisites: [],
    learningOutcomes: [
      'Filter and sort with SELECT and WHERE',
      'Combine tables with joins',
      'Rank and compare rows with window functions',
    ],
    freeQuestionsCount: 10,
    createdDay: -125,
    sections: [
      S(
        'Querying',
        L(
          'SELECT, WHERE and ORDER BY',
          12,
          'SELECT chooses columns, FROM chooses the table, WHERE filters rows and ORDER BY sorts the result. SQL describes the result you want, not the steps to get it.',
          'NULL means unknown: compare with IS NULL, never = NULL.',
        ),
        L(
          'Joins',
          16,
          'An inner join keeps rows that match in both tables; a left join keeps every row from the left table and fills missing matches with NULL.',
          'Always join on keys, and check row counts before and after a join to catch accidental duplication.',
        ),
      ),
      S(
        'Summaries',
        L(
          'GROUP BY and aggregates',
          14,
          'GROUP BY collapses rows that share values into one row per group, and aggregates such as COUNT, SUM and AVG summarise each group. HAVING filters groups after aggregation.',
          'COUNT(*) counts rows; COUNT(column) counts non-null values.',
        ),
        L(
          'Window functions',
          18,
          'Window functions compute across related rows without collapsing them: ROW_NUMBER ranks, LAG looks at the previous row, and SUM OVER builds running totals.',
          'PARTITION BY restarts the window for each group, such as each customer.',
        ),
      ),
    ],
  },
  {
    slug: 'statistics-for-data-science',
    title: 'Statistics for Data Science',
    description: 'Distributions, inference and experiments without the jargon.',
    about:
      'The statistics behind sound data decisions: describing data, probability, confidence intervals, hypothesis tests and A/B experiments.',
    category: 'data-science',
    instructor: 'marcus',
    level: 'intermediate',
    status: 'published',
    prices: [799, 1199, 1499, 2699],
    durationLabel: '5 weeks',
    prerequisites: ['Python for Data Analysis or SQL for Analysts'],
    learningOutcomes: [
      'Summarise data with the right statistics',
      'Build and interpret confidence intervals',
      'Design and analyse an A/B test',
    ],
    freeQuestionsCount: 5,
    createdDay: -115,
    sections: [
      S(
        'Describing data',
        L(
          'Centre and spread',
          14,
          'The mean is sensitive to outliers; the median is not. Standard deviation measures typical distance from the mean, and the interquartile range does the same robustly.',
          'Always plot the data: very different datasets can share the same summary statistics.',
        ),
        L(
          'Distributions',
          16,
          'The normal distribution describes many averages; the binomial counts successes in repeated trials. The central limit theorem explains why averages of many samples look normal.',
          'Skewed data such as incomes often behaves better on a log scale.',
        ),
      ),
      S(
        'Inference',
        L(
          'Confidence intervals',
          16,
          'A 95% confidence interval is produced by a method that captures the true value in 95% of repeated samples. Wider intervals mean less certainty; larger samples shrink them.',
          'Report intervals, not just point estimates.',
        ),
        L(
          'A/B testing',
          18,
          'Randomly split users between two variants, decide the metric and sample size in advance, and run the test to the end. Peeking and stopping early inflates false positives.',
          'A statistically significant difference can still be too small to matter.',
        ),
      ),
    ],
  },
  {
    slug: 'data-visualization-storytelling',
    title: 'Data Visualization and Storytelling',
    description: 'Charts that inform and stories that persuade.',
    about: 'Choose the right chart, remove clutter, and build a narrative that leads your audience to a decision.',
    category: 'data-science',
    instructor: 'marcus',
    level: 'intermediate',
    status: 'published',
    prices: [699, 999, 1299, 2299],
    durationLabel: '3 weeks',
    prerequisites: ['Basic spreadsheet or Python skills'],
    learningOutcomes: [
      'Choose a chart type for the question',
      'Declutter charts to highlight the message',
      'Structure a data story',
    ],
    freeQuestionsCount: 5,
    createdDay: -105,
    sections: [
      S(
        'Charts',
        L(
          'Choosing a chart',
          14,
          'Bar charts compare categories, line charts show change over time, and scatter plots reveal relationships. Pie charts work only for a few parts of one whole.',
          'Start bar chart axes at zero; line charts may zoom in on the range that matters.',
        ),
        L(
          'Decluttering',
          12,
          'Remove gridlines, borders and legends that do not help. Use one highlight colour for the point you want the audience to see and grey for the rest.',
          'Label lines directly instead of making readers match colours to a legend.',
        ),
      ),
      S(
        'Stories',
        L(
          'From insight to narrative',
          15,
          'A data story has a setting, a conflict and a resolution: what is happening, why it is a problem, and what we should do. Lead with the conclusion for busy audiences.',
          'Every chart title can be a sentence stating its takeaway.',
        ),
        L(
          'Dashboards',
          14,
          'A dashboard answers recurring questions at a glance. Put the most important number top left and group related metrics together.',
          'If nobody changes a decision because of a chart, remove it.',
        ),
      ),
    ],
  },
  // ── Data Science > Machine Learning (Marcus) ─────────────────────────────
  {
    slug: 'machine-learning-foundations',
    title: 'Machine Learning Foundations',
    description: 'Supervised learning, evaluation and feature engineering with scikit-learn.',
    about:
      'Understand how models learn from data, how to evaluate them honestly and how to avoid the classic mistakes, using scikit-learn.',
    category: 'machine-learning',
    instructor: 'marcus',
    level: 'intermediate',
    status: 'published',
    prices: [1299, 1799, 2299, 3999],
    durationLabel: '7 weeks',
    prerequisites: ['Python for Data Analysis', 'Statistics for Data Science'],
    learningOutcomes: [
      'Train regression and classification models',
      'Evaluate models with cross-validation',
      'Engineer features without leaking the target',
    ],
    freeQuestionsCount: 5,
    createdDay: -95,
    sections: [
      S(
        'Supervised learning',
        L(
          'Regression and classification',
          18,
          'Regression predicts a number, such as a house price; classification predicts a category, such as spam or not spam. Both learn a mapping from features to a target using labelled examples.',
          'Start with a simple baseline, such as predicting the mean, so you know whether a model actually helps.',
        ),
        L(
          'Overfitting',
          16,
          'A model that memorises its training data performs well there and badly on new data. Regularisation, simpler models and more data all reduce overfitting.',
          'The gap between training and validation scores is the signal to watch.',
        ),
      ),
      S(
        'Evaluation',
        L(
          'Train, validation and test sets',
          16,
          'Fit on the training set, tune on the validation set, and touch the test set once at the end. Cross-validation rotates the validation fold to use scarce data efficiently.',
          'Split by time when predicting the future: random splits leak tomorrow into yesterday.',
        ),
        L(
          'Metrics that matter',
          15,
          'Accuracy misleads on imbalanced classes. Precision asks how many flagged items were right; recall asks how many right items were flagged. Choose the metric that matches the cost of mistakes.',
          'For regression, mean absolute error is easy to explain to stakeholders.',
        ),
      ),
    ],
  },
  {
    slug: 'deep-learning-with-pytorch',
    title: 'Deep Learning with PyTorch',
    description: 'Neural networks from tensors to training loops, in PyTorch.',
    about:
      'Build and train neural networks with PyTorch: tensors, autograd, training loops, convolutional networks and transfer learning.',
    category: 'machine-learning',
    instructor: 'marcus',
    level: 'advanced',
    status: 'published',
    prices: [1499, 1999, 2499, 4499],
    durationLabel: '8 weeks',
    prerequisites: ['Machine Learning Foundations', 'Linear algebra basics'],
    learningOutcomes: [
      'Write a PyTorch training loop',
      'Train convolutional networks for images',
      'Fine-tune pretrained models',
    ],
    freeQuestionsCount: 5,
    createdDay: -85,
    sections: [
      S(
        'Tensors and autograd',
        L(
          'Tensors',
          15,
          'A tensor is an n-dimensional array that can live on a CPU or GPU. Most bugs in deep learning code are shape mismatches, so print shapes often.',
          'Broadcasting stretches smaller tensors to match larger ones without copying data.',
        ),
        L(
          'Autograd and the training loop',
          22,
          'PyTorch records the operations on tensors that require gradients; calling backward on the loss computes every gradient. The loop is: forward pass, loss, backward, optimiser step, zero the gradients.',
          'Call model.eval() and use torch.no_grad() when evaluating, or dropout and batch norm behave as in training.',
        ),
      ),
      S(
        'Models that see',
        L(
          'Convolutional networks',
          20,
          'Convolutions slide small learned filters over an image, detecting edges first and shapes in deeper layers. Pooling reduces resolution and adds a little translation invariance.',
          'Data augmentation, such as random crops and flips, is the cheapest way to fight overfitting on images.',
        ),
        L(
          'Transfer learning',
          18,
          'Start from a network pretrained on a large dataset, replace its final layer, and fine-tune on your data. It often beats training from scratch with a fraction of the data and compute.',
          'Freeze early layers first, then unfreeze gradually with a small learning rate.',
        ),
      ),
    ],
  },
  {
    slug: 'hadoop-mapreduce-legacy',
    title: 'Hadoop MapReduce (Legacy)',
    description: 'Batch processing with Hadoop MapReduce.',
    about: 'Withdrawn: superseded by modern data processing courses.',
    category: 'machine-learning',
    instructor: 'marcus',
    level: 'intermediate',
    status: 'published',
    deleted: true,
    prices: [499, 799, 999, 1799],
    durationLabel: '4 weeks',
    prerequisites: ['Java basics'],
    learningOutcomes: ['Write map and reduce functions', 'Run jobs on a Hadoop cluster'],
    freeQuestionsCount: 3,
    createdDay: -235,
    sections: [
      S(
        'MapReduce',
        L(
          'Map and reduce',
          15,
          'A MapReduce job maps each input record to key-value pairs, shuffles the pairs so equal keys meet, and reduces each group to a result.',
          'Most MapReduce workloads now run on engines that keep data in memory between steps.',
        ),
      ),
    ],
  },
  // ── Design (Sofia) ────────────────────────────────────────────────────────
  {
    slug: 'ui-design-principles',
    title: 'UI Design Principles',
    description: 'Layout, typography, colour and hierarchy for clear interfaces.',
    about:
      'Learn the principles behind interfaces that feel obvious: visual hierarchy, spacing systems, typography, colour and accessibility.',
    category: 'design',
    instructor: 'sofia',
    level: 'beginner',
    status: 'published',
    prices: [699, 999, 1299, 2299],
    durationLabel: '4 weeks',
    prerequisites: [],
    learningOutcomes: [
      'Create clear visual hierarchy',
      'Use a spacing and type scale',
      'Design accessible colour palettes',
    ],
    freeQuestionsCount: 5,
    createdDay: -120,
    sections: [
      S(
        'Hierarchy',
        L(
          'Visual hierarchy',
          14,
          'Hierarchy tells the eye where to go first. Size, weight, colour and position all signal importance; use as few of them as you need.',
          'Squint at your design: what stands out should be what matters.',
        ),
        L(
          'Spacing and alignment',
          12,
          'A spacing scale, such as multiples of 4 or 8 pixels, keeps layouts consistent. Related items sit closer together than unrelated ones.',
          'Align to a grid and the design looks intentional even before colour is added.',
        ),
      ),
      S(
        'Type and colour',
        L(
          'Typography',
          15,
          'Choose one or two typefaces and a modular type scale. Body text needs comfortable line length, about 45 to 75 characters, and line height around 1.5.',
          'Use weight and size for emphasis before reaching for colour.',
        ),
        L(
          'Colour and accessibility',
          16,
          'Build a palette of a primary colour, neutrals and semantic colours for success, warning and error. Text must contrast with its background: WCAG AA asks for 4.5:1 for body text.',
          'Never use colour alone to convey meaning; add an icon or label.',
        ),
      ),
    ],
  },
  {
    slug: 'figma-for-beginners',
    title: 'Figma for Beginners',
    description: 'Design, prototype and hand off with Figma.',
    about:
      'A free course on Figma: frames, auto layout, components and interactive prototypes, ending with a clean developer hand-off.',
    category: 'design',
    instructor: 'sofia',
    level: 'beginner',
    status: 'published',
    prices: 'free',
    durationLabel: '2 weeks',
    prerequisites: [],
    learningOutcomes: [
      'Lay out screens with frames and auto layout',
      'Build reusable components with variants',
      'Prototype and share designs',
    ],
    freeQuestionsCount: 10,
    createdDay: -110,
    sections: [
      S(
        'Figma basics',
        L(
          'Frames and auto layout',
          14,
          'Frames are containers for screens and components. Auto layout stacks children horizontally or vertically with consistent padding and gaps, and resizes with the content.',
          'Auto layout in Figma behaves much like Flexbox in CSS, which makes hand-off easier.',
        ),
        L(
          'Components and variants',
          15,
          "A component is a reusable master; instances update when it changes. Variants group related states, such as a button's default, hover and disabled looks, into one component.",
          'Name layers and variants clearly: developers will read them.',
        ),
      ),
      S(
        'Sharing work',
        L(
          'Prototyping',
          12,
          'Connect frames with interactions to simulate a flow. Prototypes let you test an idea with users before anyone writes code.',
          'Prototype the riskiest part of the flow first.',
        ),
        L(
          'Developer hand-off',
          12,
          'Dev Mode shows measurements, styles and assets for each layer. Document spacing, states and edge cases that the static design cannot show.',
          'A short walkthrough call prevents a week of guesswork.',
        ),
      ),
    ],
  },
  {
    slug: 'ux-research-methods',
    title: 'UX Research Methods',
    description: 'Interviews, usability tests and surveys that lead to better products.',
    about: 'Plan and run user research that changes decisions: interviews, usability testing, surveys and synthesis.',
    category: 'design',
    instructor: 'sofia',
    level: 'intermediate',
    status: 'published',
    prices: [899, 1299, 1699, 2999],
    durationLabel: '5 weeks',
    prerequisites: ['UI Design Principles or product experience'],
    learningOutcomes: ['Run unbiased user interviews', 'Conduct usability tests', 'Synthesise findings into decisions'],
    freeQuestionsCount: 5,
    createdDay: -100,
    sections: [
      S(
        'Talking to users',
        L(
          'User interviews',
          16,
          'Ask about past behaviour, not hypothetical futures: "tell me about the last time you…" beats "would you use…". Listen more than you talk.',
          'Five to eight interviews per segment usually reveal the main patterns.',
        ),
        L(
          'Usability testing',
          17,
          'Give participants realistic tasks and watch them work while they think aloud. Do not help; note where they hesitate or fail.',
          'Five participants find most of the big usability problems in a design.',
        ),
      ),
      S(
        'Making sense of it',
        L(
          'Surveys',
          13,
          'Surveys measure how common something is; interviews explain why. Keep questions neutral and short, and pilot the survey before sending it.',
          'Avoid double-barrelled questions that ask two things at once.',
        ),
        L(
          'Synthesis',
          15,
          'Cluster observations into themes on an affinity map, then turn themes into insights and recommendations. Share raw clips: they persuade better than slides.',
          'An insight is only useful if someone can act on it.',
        ),
      ),
    ],
  },
  // ── Marketing (Sofia) ─────────────────────────────────────────────────────
  {
    slug: 'digital-marketing-fundamentals',
    title: 'Digital Marketing Fundamentals',
    description: 'Channels, funnels and metrics for modern marketing.',
    about:
      'An overview of digital marketing: positioning, the funnel, paid and organic channels, email, and measuring what works.',
    category: 'marketing',
    instructor: 'sofia',
    level: 'beginner',
    status: 'published',
    prices: [599, 899, 1199, 1999],
    durationLabel: '4 weeks',
    prerequisites: [],
    learningOutcomes: [
      'Map a customer funnel',
      'Choose channels for an audience',
      'Measure campaigns with the right metrics',
    ],
    freeQuestionsCount: 5,
    createdDay: -95,
    sections: [
      S(
        'Strategy',
        L(
          'Positioning',
          13,
          'Positioning states who the product is for, what problem it solves and why it beats the alternatives. Every campaign should reinforce it.',
          'If you cannot say who it is not for, the positioning is too broad.',
        ),
        L(
          'The marketing funnel',
          14,
          'Awareness, consideration, conversion and retention: each stage needs different messages and metrics. Most budgets over-invest in the top and forget retention.',
          'Find the stage where most people drop off and fix that first.',
        ),
      ),
      S(
        'Channels and metrics',
        L(
          'Paid and organic channels',
          15,
          'Paid search captures existing demand; social ads create new demand; SEO and content compound over time. Email is the channel you own.',
          'Start with one or two channels and master them before adding more.',
        ),
        L(
          'Metrics that matter',
          14,
          'Track customer acquisition cost, conversion rate and lifetime value. Vanity metrics such as impressions feel good but rarely drive decisions.',
          'Attribute conversions carefully: the last click is rarely the whole story.',
        ),
      ),
    ],
  },
  {
    slug: 'seo-that-works',
    title: 'SEO That Works',
    description: 'Technical SEO, content and links for sustainable organic traffic.',
    about:
      'A practical SEO course: how search engines crawl and rank, keyword research, on-page and technical SEO, and earning links.',
    category: 'marketing',
    instructor: 'sofia',
    level: 'intermediate',
    status: 'published',
    prices: [799, 1199, 1499, 2699],
    durationLabel: '4 weeks',
    prerequisites: ['Digital Marketing Fundamentals'],
    learningOutcomes: [
      'Research keywords by intent',
      'Fix common technical SEO issues',
      'Plan content that earns links',
    ],
    freeQuestionsCount: 5,
    createdDay: -75,
    sections: [
      S(
        'How search works',
        L(
          'Crawling, indexing and ranking',
          15,
          'Search engines crawl links to discover pages, index their content, and rank indexed pages for each query by relevance and quality signals.',
          'A page that cannot be crawled cannot rank, however good it is.',
        ),
        L(
          'Keyword research',
          16,
          'Group keywords by intent: informational, navigational, commercial and transactional. Match each page to one primary intent.',
          'Long-tail queries are individually small but collectively large, and easier to win.',
        ),
      ),
      S(
        'Doing SEO',
        L(
          'Technical SEO',
          17,
          'Fast pages, clean URLs, a sitemap, canonical tags and correct status codes make a site easy to crawl. Server-rendered HTML is easiest for crawlers to read.',
          'Check Search Console regularly for crawl errors and indexing problems.',
        ),
        L(
          'Content and links',
          15,
          "Useful, original content earns links naturally. Outreach works best when you offer something genuinely valuable to the other site's readers.",
          'Avoid buying links: the risk outlasts the benefit.',
        ),
      ),
    ],
  },
  {
    slug: 'content-marketing-strategy',
    title: 'Content Marketing Strategy',
    description: 'Plan, create and distribute content that builds an audience.',
    about:
      'Build a content engine: audience research, editorial planning, writing for the web, distribution and measuring return.',
    category: 'marketing',
    instructor: 'sofia',
    level: 'intermediate',
    status: 'published',
    prices: [699, 999, 1299, 2299],
    durationLabel: '4 weeks',
    prerequisites: [],
    learningOutcomes: [
      'Define content pillars for an audience',
      'Run an editorial calendar',
      'Distribute and repurpose content',
    ],
    freeQuestionsCount: 5,
    createdDay: -65,
    sections: [
      S(
        'Planning',
        L(
          'Audience and content pillars',
          14,
          "Content pillars are three to five themes where your expertise meets your audience's needs. Every piece should belong to one.",
          'Interview customers to learn the questions they actually ask.',
        ),
        L(
          'The editorial calendar',
          12,
          'A calendar turns intentions into a publishing rhythm. Consistency beats volume: one strong article a week outperforms five rushed ones.',
          'Plan around launches and seasons, and leave room for timely pieces.',
        ),
      ),
      S(
        'Distribution',
        L(
          'Writing for the web',
          14,
          'Lead with the answer, use descriptive headings and short paragraphs, and make every sentence earn its place. Readers scan before they read.',
          'Edit ruthlessly: cut the first paragraph and see if the piece improves.',
        ),
        L(
          'Repurposing',
          12,
          'Turn one long article into a newsletter, a thread, a short video and a slide deck. Distribution deserves as much time as creation.',
          'Track which formats bring engaged readers, not just clicks.',
        ),
      ),
    ],
  },
  // ── Business (Sofia) ──────────────────────────────────────────────────────
  {
    slug: 'product-management-101',
    title: 'Product Management 101',
    description: 'Discover, prioritise and deliver products customers love.',
    about:
      'The core of product management: understanding problems, prioritising ruthlessly, writing clear specs and working with engineering and design.',
    category: 'business',
    instructor: 'sofia',
    level: 'beginner',
    status: 'published',
    prices: [899, 1299, 1699, 2999],
    durationLabel: '5 weeks',
    prerequisites: [],
    learningOutcomes: [
      'Frame problems before solutions',
      'Prioritise a roadmap with evidence',
      'Write specs engineers can build from',
    ],
    freeQuestionsCount: 5,
    createdDay: -55,
    sections: [
      S(
        'Discovery',
        L(
          'Problems before solutions',
          14,
          "A product manager's first job is to understand the problem worth solving: who has it, how often, and what it costs them. Solutions come second.",
          'Write the problem statement before the feature list.',
        ),
        L(
          'Prioritisation',
          15,
          'Frameworks such as RICE (reach, impact, confidence, effort) make trade-offs explicit. The output is not a score but a conversation about assumptions.',
          'Saying no to good ideas is how great ones get built.',
        ),
      ),
      S(
        'Delivery',
        L(
          'Writing specs',
          13,
          'A good spec explains the why, the what and the success criteria, and leaves the how to the team. Include edge cases and what is out of scope.',
          'Keep specs short enough that people actually read them.',
        ),
        L(
          'Measuring outcomes',
          13,
          'Ship, then measure whether the problem got smaller. Define the success metric before launch so you cannot move the goalposts.',
          'Celebrate outcomes, not output.',
        ),
      ),
    ],
  },
  {
    slug: 'startup-finance-basics',
    title: 'Startup Finance Basics',
    description: 'Runway, unit economics and fundraising for founders.',
    about:
      'A free course on the numbers every founder needs: burn and runway, unit economics, pricing, and how fundraising works.',
    category: 'business',
    instructor: 'sofia',
    level: 'beginner',
    status: 'published',
    prices: 'free',
    durationLabel: '2 weeks',
    prerequisites: [],
    learningOutcomes: [
      'Calculate burn rate and runway',
      'Reason about unit economics',
      'Understand dilution in a funding round',
    ],
    freeQuestionsCount: 10,
    createdDay: -45,
    sections: [
      S(
        'Cash',
        L(
          'Burn and runway',
          12,
          'Burn rate is how much cash you lose each month; runway is cash in the bank divided by burn. Start raising or cutting costs with at least six months of runway left.',
          'Revenue growth only extends runway if it outpaces cost growth.',
        ),
        L(
          'Unit economics',
          14,
          'Compare the lifetime value of a customer with the cost of acquiring them. A ratio of about three to one is a common healthy benchmark.',
          'If each sale loses money, selling more makes the problem bigger.',
        ),
      ),
      S(
        'Funding',
        L(
          'How fundraising works',
          14,
          'Investors buy a share of the company at a valuation. A pre-money valuation of 8 million and a 2 million investment give a post-money valuation of 10 million and 20% ownership to the investors.',
          'Raise enough to reach the next meaningful milestone, plus a buffer.',
        ),
        L(
          'Pricing',
          12,
          'Price on the value you create, not on your costs. Test prices with real customers; most early-stage companies charge too little.',
          'Annual plans improve cash flow and reduce churn.',
        ),
      ),
    ],
  },
];

/** Features listed on a program page. */
export function programFeatures(p: SeedProgram): string[] {
  return p.prices === 'free'
    ? ['AI-powered chatbot assistance', 'Comprehensive documentation', 'Practice quizzes', 'Lifetime access']
    : [
        'AI-powered chatbot assistance',
        'Comprehensive documentation',
        'Exam simulator with certificates',
        'Lifetime access',
      ];
}

export function programPrices(p: SeedProgram): {
  chatbot: number;
  documentation: number;
  examSimulator: number;
  bundle: number;
} {
  const [chatbot, documentation, examSimulator, bundle] = p.prices === 'free' ? [0, 0, 0, 0] : p.prices;
  return { chatbot, documentation, examSimulator, bundle };
}

export function programOverviewHtml(p: SeedProgram): string {
  const esc = escapeHtml;
  return [
    `<p>${esc(p.about)}</p>`,
    '<h3>What you will learn</h3>',
    `<ul>${p.learningOutcomes.map((o) => `<li>${esc(o)}</li>`).join('')}</ul>`,
    '<h3>Curriculum</h3>',
    `<ol>${p.sections.map((s) => `<li>${esc(s.title)}</li>`).join('')}</ol>`,
  ].join('\n');
}

export function lessonHtml(lesson: SeedLesson): string {
  return [`<h2>${escapeHtml(lesson.title)}</h2>`, ...lesson.paragraphs.map((t) => `<p>${escapeHtml(t)}</p>`)].join(
    '\n',
  );
}

export function slugify(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export const isPublic = (p: SeedProgram): boolean => p.status === 'published' && !p.deleted;
