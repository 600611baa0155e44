// Templates with planted mistakes for the template benchmark (see templateCases.mjs), written for it.

/** Templates with planted mistakes; each mistake's line ends with `# PLANTED: …`. */
export const PLANTED_TEMPLATES = [
  {
    name: 'sam-function.yaml',
    text: `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Queue:
    Type: AWS::SQS::Queue
  Api:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      CodeUri: src/
      Policies:
        - S3ReadPolicyy: # PLANTED: unknown SAM policy template
            BucketName: !Ref Bucket
        - SQSPollerPolicy: {} # PLANTED: SAM policy template without its QueueName
        - Statement:
            - Effect: Allow
              Action: s3:GetObjects # PLANTED: action typo
              Resource: !Sub "\${Bucket.Arn}/*"
            - Effect: allow # PLANTED: Effect must be Allow or Deny
              Action: sqs:ReceiveMessage
              Resource: !GetAtt Queue.Arn
            - Effect: Allow
              Action: dynamodb:Querys # PLANTED: action typo
              Resource: "*"
`,
  },
  {
    name: 'roles.yaml',
    text: `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Queue:
    Type: AWS::SQS::Queue
  Topic:
    Type: AWS::SNS::Topic
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Service: lambda.amazon.com # PLANTED: service principal misspelt
            Action: sts:AssumeRoles # PLANTED: action typo in a trust policy
      Policies:
        - PolicyName: access
          PolicyDocument:
            Version: "2012-10-18" # PLANTED: no such policy language version
            Statement:
              - Effect: Allow
                Action: sqs:SendMessages # PLANTED: action typo
                Resource: !GetAtt Queue.Arn
              - Effect: Allow
                Action: sns:Publish
                Resource: !Ref Topic
                Condition:
                  StringEqualz: # PLANTED: unknown condition operator
                    aws:PrincipalTag/team: orders
              - Effect: Allow
                Action: s4:GetObject # PLANTED: unknown service
                Resource: "*"
  ManagedPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: logs:PutLogEvent # PLANTED: action typo
            Resource: arn:aws:logs:eu-west-1:123456789012:log-group:app:*
          - Effect: Allow
            Action: ec2:DescribeInstances
            Resource: "*"
            Condition:
              StringEquals:
                aws:SourceIpp: 203.0.113.0/24 # PLANTED: unknown global condition key
  QueuePolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Queue]
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow # PLANTED: resource policy statement without a Principal
            Action: sqs:SendMessage
            Resource: !GetAtt Queue.Arn
  TopicPolicy:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref Topic]
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Service: events.amazonaws.com
            Action: sns:Publishh # PLANTED: action typo
            Resource: !Ref Topic
`,
  },
  {
    name: 'keys-and-scp.yaml',
    text: `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              AWS: !Sub "arn:aws:iam::\${AWS::AccountId}:root"
            Action: kms:Decrypts # PLANTED: action typo
            Resource: "*"
  Repository:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryPolicyText:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              AWS: arn:aws:iam::123456789012:root
            Action: ecr:BatchGetImages # PLANTED: action typo
  Guardrail:
    Type: AWS::Organizations::Policy
    Properties:
      Name: deny-regions
      Type: SERVICE_CONTROL_POLICY
      Content:
        Version: "2012-10-17"
        Statement:
          - Effect: Deny
            NotAction: iam:*
            Resource: "*"
            Condition:
              StringNotEquals:
                aws:RequestedRegion: [eu-west-1, eu-central-1]
          - Effect: Allow
            Principal: "*" # PLANTED: SCPs cannot name a Principal
            Action: "*"
            Resource: "*"
  Secret:
    Type: AWS::SecretsManager::Secret
  SecretPolicy:
    Type: AWS::SecretsManager::ResourcePolicy
    Properties:
      SecretId: !Ref Secret
      ResourcePolicy:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              AWS: arn:aws:iam::123456789012:role/reader
            Action: secretsmanager:GetSecretValues # PLANTED: action typo
            Resource: "*"
`,
  },
  {
    name: 'functions-and-builds.yaml',
    text: `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  Uploads:
    Type: AWS::S3::Bucket
  Jobs:
    Type: AWS::SQS::Queue
  WorkerRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Service: ec2.amazonaws.com
            Action: sts:AssumeRole
      Policies:
        - PolicyName: work
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: sqs:ReceiveMessage # PLANTED: a queue action whose only resource is a bucket (!GetAtt Uploads.Arn)
                Resource: !GetAtt Uploads.Arn
              - Effect: Allow
                Action: s3:GetObject
                Resource: !Sub "arn:\${AWS::Partition}:s3:::\${Uploads}/*"
                Condition:
                  StringEquals:
                    s3:ExistingObjectTag/stage: prod
                  Bool:
                    aws:SecureTransport: yes # PLANTED: Bool takes true or false
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Role: !GetAtt WorkerRole.Arn # PLANTED: the function's role does not trust lambda.amazonaws.com
      Code:
        ZipFile: "def handler(event, context): return event"
  WorkerPolicy:
    Type: AWS::IAM::Policy
    DependsOn: WokerRole # PLANTED: DependsOn names no resource
    Properties:
      PolicyName: extra
      Roles: [!Ref WorkerRole]
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: sqs:DeleteMessage
            Resource: !GetAtt Job.Arn # PLANTED: GetAtt of a resource that does not exist
  UploadsMayInvoke:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !Ref Worker
      Action: lambda:InvokeFunctions # PLANTED: Lambda permission action typo
      Principal: s3.amazonaws.com
      SourceArn: !GetAtt Uploads.Arn
  LayerForPartners:
    Type: AWS::Lambda::LayerVersionPermission
    Properties:
      LayerVersionArn: arn:aws:lambda:eu-west-1:123456789012:layer:shared:3
      Action: lambda:GetLayerVersions # PLANTED: a layer permission grants lambda:GetLayerVersion only
      Principal: "*"
  Deployed:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      CodeUri: src/
      AutoPublishAlias: live
      DeploymentPreference:
        Type: Canary10Percent5Minutes
        Hooks:
          BeforeAllowTraffic: !Ref Worker # PLANTED: SAM names this hook PreTraffic
  Build:
    Type: AWS::CodeBuild::Project
    Properties:
      ServiceRole: !GetAtt WorkerRole.Arn
      Artifacts:
        Type: NO_ARTIFACTS
      Environment:
        Type: LINUX_CONTAINER
        ComputeType: BUILD_GENERAL1_SMALL
        Image: aws/codebuild/standard:7.0
      Source:
        Type: NO_SOURCE
        BuildSpec: |
          version: 0.2
          phases:
            instal: # PLANTED: buildspec phase typo
              commands:
                - npm ci
            build:
              command: # PLANTED: buildspec key typo (commands)
                - npm test
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
      Policy:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: execute-api:Invokes # PLANTED: action typo in an API policy
            Resource: execute-api:/*
`,
  },
];

/** Planted lines (1-based) of a template: the lines that end with a PLANTED comment. */
export function plantedLines(text) {
  return text
    .split('\n')
    .map((line, index) => ({ line: index + 1, what: /# PLANTED: (.*)$/.exec(line)?.[1] }))
    .filter((planted) => planted.what !== undefined);
}
