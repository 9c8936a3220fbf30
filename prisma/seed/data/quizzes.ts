// Exam simulator content: quizzes with questions of every type, a few bank questions that belong
// to no quiz, submitted attempts (graded by the seed from the answers below) and certificates.
import type { AttemptStatus, QuestionType, QuizDifficulty, QuizStatus } from '@learningpt/db';

export interface SeedQuestion {
  type: QuestionType;
  text: string;
  /** Choices shown to the student; [] for short_answer. */
  options: string[];
  /** Correct option texts, or accepted answers for short_answer. */
  correct: string[];
  explanation: string;
  points: number;
  topic: string;
  difficulty?: QuizDifficulty;
}

export interface SeedQuiz {
  key: string;
  program: string;
  title: string;
  description: string;
  difficulty: QuizDifficulty;
  durationMinutes: number;
  passingScore: number;
  isTimed: boolean;
  allowRetake: boolean;
  randomize: boolean;
  showAnswersAfterSubmit: boolean;
  status: QuizStatus;
  createdBy: string;
  day: number;
  questions: SeedQuestion[];
}

const TF = ['True', 'False'];

export const QUIZZES: readonly SeedQuiz[] = [
  {
    key: 'react-hooks',
    program: 'react-mastery',
    title: 'React Hooks Quiz',
    description: 'Test your knowledge of state, effects and custom hooks.',
    difficulty: 'medium',
    durationMinutes: 30,
    passingScore: 70,
    isTimed: true,
    allowRetake: true,
    randomize: false,
    showAnswersAfterSubmit: true,
    status: 'published',
    createdBy: 'jane',
    day: -185,
    questions: [
      {
        type: 'multiple_choice',
        text: 'What is a React Hook?',
        options: ['A JavaScript function', 'A component', 'A library', 'A framework'],
        correct: ['A JavaScript function'],
        explanation:
          'Hooks are functions, such as useState and useEffect, that let function components use React features.',
        points: 5,
        topic: 'Hooks basics',
      },
      {
        type: 'multiple_choice',
        text: 'When does an effect with an empty dependency array run?',
        options: ['After every render', 'Once, after the first render', 'Before the first render', 'Never'],
        correct: ['Once, after the first render'],
        explanation:
          'With [] the effect has no dependencies that can change, so it runs after the first render (and its cleanup on unmount).',
        points: 5,
        topic: 'Effects',
      },
      {
        type: 'multi_select',
        text: 'Which of these are rules of hooks?',
        options: [
          'Only call hooks at the top level',
          'Only call hooks from React functions',
          'Always call hooks inside loops',
          'Name custom hooks starting with "use"',
        ],
        correct: [
          'Only call hooks at the top level',
          'Only call hooks from React functions',
          'Name custom hooks starting with "use"',
        ],
        explanation: 'Hooks must run in the same order on every render, so never call them conditionally or in loops.',
        points: 10,
        topic: 'Hooks basics',
      },
      {
        type: 'true_false',
        text: 'Two components that call the same custom hook share its state.',
        options: TF,
        correct: ['False'],
        explanation: 'Each call of a hook has its own independent state; custom hooks share logic, not state.',
        points: 5,
        topic: 'Custom hooks',
      },
      {
        type: 'short_answer',
        text: 'Which hook gives a function component local state?',
        options: [],
        correct: ['useState', 'React.useState'],
        explanation: 'useState returns the current value and a setter that schedules a re-render.',
        points: 5,
        topic: 'State',
      },
    ],
  },
  {
    key: 'ts-basics',
    program: 'typescript-fundamentals',
    title: 'TypeScript Basics',
    description: 'Types, unions, narrowing and generics.',
    difficulty: 'easy',
    durationMinutes: 15,
    passingScore: 60,
    isTimed: false,
    allowRetake: true,
    randomize: false,
    showAnswersAfterSubmit: true,
    status: 'published',
    createdBy: 'jane',
    day: -178,
    questions: [
      {
        type: 'multiple_choice',
        text: 'What happens to TypeScript types when the code is compiled to JavaScript?',
        options: [
          'They are erased',
          'They become runtime checks',
          'They are stored as comments',
          'They slow the code down',
        ],
        correct: ['They are erased'],
        explanation: 'TypeScript types exist only at compile time; the emitted JavaScript has none.',
        points: 2,
        topic: 'Type system',
      },
      {
        type: 'true_false',
        text: 'unknown is safer than any because you must narrow an unknown value before using it.',
        options: TF,
        correct: ['True'],
        explanation: 'any disables checking; unknown forces a check before use.',
        points: 2,
        topic: 'Type system',
      },
      {
        type: 'multi_select',
        text: 'Which operators narrow a union type?',
        options: ['typeof', 'instanceof', 'in', 'void'],
        correct: ['typeof', 'instanceof', 'in'],
        explanation: 'typeof, instanceof and in checks (and discriminant comparisons) narrow unions; void does not.',
        points: 4,
        topic: 'Narrowing',
      },
      {
        type: 'short_answer',
        text: 'Which keyword constrains a generic type parameter, as in <T ___ { id: string }>?',
        options: [],
        correct: ['extends'],
        explanation: '<T extends { id: string }> accepts only types that have a string id.',
        points: 2,
        topic: 'Generics',
      },
    ],
  },
  {
    key: 'aws-practice',
    program: 'aws-cloud-practitioner-prep',
    title: 'Cloud Practitioner Practice Exam',
    description: 'A timed practice exam in the style of the real certification.',
    difficulty: 'medium',
    durationMinutes: 45,
    passingScore: 70,
    isTimed: true,
    allowRetake: true,
    randomize: true,
    showAnswersAfterSubmit: false,
    status: 'published',
    createdBy: 'marcus',
    day: -150,
    questions: [
      {
        type: 'multiple_choice',
        text: 'Under the shared responsibility model, who patches the guest operating system of an EC2 instance?',
        options: ['The customer', 'AWS', 'Both equally', 'Nobody: it is automatic'],
        correct: ['The customer'],
        explanation: "Security in the cloud, including the guest OS on EC2, is the customer's responsibility.",
        points: 1,
        topic: 'Security',
      },
      {
        type: 'multiple_choice',
        text: 'Which service stores objects with 99.999999999% durability?',
        options: ['Amazon S3', 'Amazon EBS', 'Amazon EC2 instance store', 'Amazon RDS'],
        correct: ['Amazon S3'],
        explanation:
          'S3 is designed for eleven nines of durability by storing data redundantly across devices and zones.',
        points: 1,
        topic: 'Storage',
      },
      {
        type: 'multi_select',
        text: 'Which purchase options can lower EC2 costs compared with On-Demand?',
        options: ['Savings Plans', 'Reserved Instances', 'Spot Instances', 'Dedicated Hosts'],
        correct: ['Savings Plans', 'Reserved Instances', 'Spot Instances'],
        explanation:
          'Commitments (Savings Plans, Reserved Instances) and spare capacity (Spot) are cheaper; Dedicated Hosts cost more.',
        points: 2,
        topic: 'Pricing',
      },
      {
        type: 'true_false',
        text: 'An Availability Zone is made of one or more Regions.',
        options: TF,
        correct: ['False'],
        explanation: 'It is the other way round: a Region contains several Availability Zones.',
        points: 1,
        topic: 'Global infrastructure',
      },
      {
        type: 'short_answer',
        text: 'Which AWS service runs code without provisioning servers, billed per invocation?',
        options: [],
        correct: ['Lambda', 'AWS Lambda'],
        explanation: 'AWS Lambda runs functions on demand and bills for requests and compute time.',
        points: 1,
        topic: 'Compute',
      },
    ],
  },
  {
    key: 'pandas-basics',
    program: 'python-for-data-analysis',
    title: 'pandas Essentials',
    description: 'Loading, selecting, cleaning and grouping data with pandas.',
    difficulty: 'easy',
    durationMinutes: 20,
    passingScore: 70,
    isTimed: true,
    allowRetake: true,
    randomize: false,
    showAnswersAfterSubmit: true,
    status: 'published',
    createdBy: 'marcus',
    day: -130,
    questions: [
      {
        type: 'multiple_choice',
        text: 'Which function loads a CSV file into a DataFrame?',
        options: ['pd.read_csv', 'pd.load', 'pd.open_csv', 'pd.DataFrame.csv'],
        correct: ['pd.read_csv'],
        explanation: 'pd.read_csv parses a CSV file into a DataFrame.',
        points: 2,
        topic: 'Loading data',
      },
      {
        type: 'multiple_choice',
        text: 'Which method summarises groups, for example total revenue per region?',
        options: ['groupby', 'pivot_longer', 'reshape', 'explode'],
        correct: ['groupby'],
        explanation: 'df.groupby("region")["revenue"].sum() splits, applies and combines.',
        points: 2,
        topic: 'Aggregation',
      },
      {
        type: 'multi_select',
        text: 'Which methods help with missing values?',
        options: ['dropna', 'fillna', 'isna', 'merge'],
        correct: ['dropna', 'fillna', 'isna'],
        explanation: 'isna finds missing values, dropna removes them and fillna replaces them.',
        points: 3,
        topic: 'Cleaning',
      },
      {
        type: 'true_false',
        text: 'df[df["price"] > 100] returns the rows whose price is greater than 100.',
        options: TF,
        correct: ['True'],
        explanation: 'A boolean mask selects the rows where the condition is True.',
        points: 1,
        topic: 'Selecting data',
      },
      {
        type: 'short_answer',
        text: 'Which DataFrame method shows the first five rows?',
        options: [],
        correct: ['head', 'head()', 'df.head()'],
        explanation: 'df.head() returns the first n rows, five by default.',
        points: 2,
        topic: 'Exploring data',
      },
    ],
  },
  {
    key: 'ml-evaluation',
    program: 'machine-learning-foundations',
    title: 'Model Evaluation Challenge',
    description: 'Overfitting, validation strategies and metrics.',
    difficulty: 'hard',
    durationMinutes: 40,
    passingScore: 75,
    isTimed: true,
    allowRetake: false,
    randomize: true,
    showAnswersAfterSubmit: false,
    status: 'published',
    createdBy: 'marcus',
    day: -90,
    questions: [
      {
        type: 'multiple_choice',
        text: 'A model scores 99% on training data and 70% on validation data. What is the most likely problem?',
        options: ['Overfitting', 'Underfitting', 'Data leakage into validation', 'A bug in the metric'],
        correct: ['Overfitting'],
        explanation: 'A large gap between training and validation performance is the classic sign of overfitting.',
        points: 3,
        topic: 'Overfitting',
      },
      {
        type: 'multiple_choice',
        text: 'For fraud detection, where fraud is 0.1% of transactions, which metric is least informative?',
        options: ['Accuracy', 'Recall', 'Precision', 'Area under the precision-recall curve'],
        correct: ['Accuracy'],
        explanation: 'Predicting "not fraud" for everything scores 99.9% accuracy while catching nothing.',
        points: 3,
        topic: 'Metrics',
      },
      {
        type: 'multi_select',
        text: 'Which practices reduce overfitting?',
        options: ['Regularisation', 'More training data', 'Early stopping', 'Evaluating on the training set'],
        correct: ['Regularisation', 'More training data', 'Early stopping'],
        explanation: 'Evaluating on the training set hides overfitting instead of reducing it.',
        points: 4,
        topic: 'Overfitting',
      },
      {
        type: 'true_false',
        text: 'When forecasting, a random train/test split is the safest choice.',
        options: TF,
        correct: ['False'],
        explanation: 'Split by time so the model never trains on data from after the period it predicts.',
        points: 2,
        topic: 'Validation',
      },
    ],
  },
  {
    key: 'fullstack-checkpoint',
    program: 'full-stack-development-bootcamp',
    title: 'Full Stack Checkpoint (draft)',
    description: 'Work in progress: schema design and API status codes.',
    difficulty: 'medium',
    durationMinutes: 25,
    passingScore: 70,
    isTimed: false,
    allowRetake: true,
    randomize: false,
    showAnswersAfterSubmit: true,
    status: 'draft',
    createdBy: 'jane',
    day: -5,
    questions: [
      {
        type: 'multiple_choice',
        text: 'Which status code means "signed in, but not allowed to do this"?',
        options: ['401', '403', '404', '409'],
        correct: ['403'],
        explanation: '401 means not authenticated; 403 means authenticated but not authorised.',
        points: 2,
        topic: 'HTTP',
      },
      {
        type: 'true_false',
        text: 'Money should be stored as floating-point numbers.',
        options: TF,
        correct: ['False'],
        explanation: 'Store integer minor units (cents) to avoid rounding errors.',
        points: 1,
        topic: 'Data modelling',
      },
    ],
  },
];

/** Question-bank entries not attached to any quiz (for AI-generated or future quizzes). */
export const BANK_QUESTIONS: readonly (SeedQuestion & { program: string })[] = [
  {
    program: 'aws-cloud-practitioner-prep',
    type: 'multiple_choice',
    text: 'Which tool alerts you when AWS spending exceeds a threshold you set?',
    options: ['AWS Budgets', 'AWS CloudTrail', 'Amazon Inspector', 'AWS Artifact'],
    correct: ['AWS Budgets'],
    explanation: 'AWS Budgets sends alerts when actual or forecast costs exceed a budget.',
    points: 1,
    topic: 'Pricing',
    difficulty: 'easy',
  },
  {
    program: 'aws-cloud-practitioner-prep',
    type: 'true_false',
    text: 'With AWS Lambda, the customer is responsible for patching the underlying servers.',
    options: TF,
    correct: ['False'],
    explanation: 'Lambda is a managed service: AWS operates and patches the servers.',
    points: 1,
    topic: 'Security',
    difficulty: 'easy',
  },
  {
    program: 'aws-cloud-practitioner-prep',
    type: 'multi_select',
    text: 'Which services are databases?',
    options: ['Amazon RDS', 'Amazon DynamoDB', 'Amazon Aurora', 'Amazon CloudFront'],
    correct: ['Amazon RDS', 'Amazon DynamoDB', 'Amazon Aurora'],
    explanation: 'CloudFront is a content delivery network.',
    points: 2,
    topic: 'Databases',
    difficulty: 'medium',
  },
];

export interface SeedAttempt {
  key: string;
  user: string;
  quiz: string;
  status: AttemptStatus;
  day: number;
  hour: number;
  /** Seconds from start to submission (submitted attempts). */
  timeTakenSeconds?: number;
  /** Selected answers, one entry per question in the quiz's order ([] = skipped). */
  answers?: string[][];
  /** Issued when the attempt passed. */
  certificate?: { code: string };
}

export const ATTEMPTS: readonly SeedAttempt[] = [
  {
    key: 'zoe-react-1',
    user: 'zoe',
    quiz: 'react-hooks',
    status: 'submitted',
    day: -14,
    hour: 10,
    timeTakenSeconds: 1140,
    answers: [
      ['A JavaScript function'],
      ['Once, after the first render'],
      [
        'Only call hooks at the top level',
        'Only call hooks from React functions',
        'Name custom hooks starting with "use"',
      ],
      ['False'],
      ['useState'],
    ],
    certificate: { code: 'CERT-2025-RM7Q2K' },
  },
  {
    key: 'alice-react-1',
    user: 'alice',
    quiz: 'react-hooks',
    status: 'submitted',
    day: -9,
    hour: 19,
    timeTakenSeconds: 1560,
    answers: [
      ['A JavaScript function'],
      ['After every render'],
      ['Only call hooks at the top level', 'Always call hooks inside loops'],
      ['False'],
      ['usestate'],
    ],
  },
  {
    key: 'john-ts-1',
    user: 'john',
    quiz: 'ts-basics',
    status: 'submitted',
    day: -112,
    hour: 20,
    timeTakenSeconds: 540,
    answers: [['They are erased'], ['True'], ['typeof', 'instanceof', 'in'], ['extends']],
    certificate: { code: 'CERT-2025-TS4H8P' },
  },
  {
    key: 'john-aws-1',
    user: 'john',
    quiz: 'aws-practice',
    status: 'submitted',
    day: -16,
    hour: 21,
    timeTakenSeconds: 1980,
    answers: [['AWS'], ['Amazon S3'], ['Savings Plans', 'Spot Instances'], ['False'], ['Lambda']],
  },
  { key: 'john-aws-2', user: 'john', quiz: 'aws-practice', status: 'expired', day: -3, hour: 22 },
  {
    key: 'omar-pandas-1',
    user: 'omar',
    quiz: 'pandas-basics',
    status: 'submitted',
    day: -6,
    hour: 8,
    timeTakenSeconds: 900,
    answers: [['pd.read_csv'], ['pivot_longer'], ['dropna', 'fillna', 'isna'], ['True'], []],
  },
];
