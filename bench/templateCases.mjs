// Templates for the template benchmark (bench/template.mjs), written for it: a clean SAM/CloudFormation
// template that must give no finding (here), and templates with planted mistakes (templatePlanted.mjs),
// each marked on its own line with a trailing `# PLANTED: what` comment, so that "found at the right
// line" can be counted for us and for cfn-lint alike.

/** The clean template: every short-form intrinsic, embedded policies of several kinds, a SAM function. */
export const CLEAN_TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Description: Orders service (clean)
Parameters:
  Stage:
    Type: String
    AllowedValues: [dev, prod]
  TrustedAccount:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
  NotProd: !Not [!Condition IsProd]
  Either: !Or [!Condition IsProd, !Condition NotProd]
  Both: !And [!Condition IsProd, !Condition Either]
Mappings:
  Regions:
    eu-west-1: { Short: euw1 }
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Join ["-", [orders, !Ref Stage, !FindInMap [Regions, !Ref "AWS::Region", Short]]]
  Queue:
    Type: AWS::SQS::Queue
  Topic:
    Type: AWS::SNS::Topic
  ProdOnlyQueue:
    Type: AWS::SQS::Queue
    Condition: Both
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Version: "2012-10-17"
        Statement:
          - Sid: AccountAdmin
            Effect: Allow
            Principal:
              AWS: !Sub "arn:\${AWS::Partition}:iam::\${AWS::AccountId}:root"
            Action: kms:*
            Resource: "*"
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
      Environment:
        Variables:
          QUEUE_URL: !Ref Queue
          ENCODED: !Base64 "hello"
          AZ: !Select [0, !GetAZs ""]
          FIRST: !Select [0, !Split [",", "a,b"]]
          SUBNETS: !Select [0, !Cidr ["10.0.0.0/16", 4, 8]]
          SHARED: !ImportValue shared-vpc-id
          MODE: !If [IsProd, strict, relaxed]
      Policies:
        - S3ReadPolicy:
            BucketName: !Ref Bucket
        - SQSSendMessagePolicy:
            QueueName: !GetAtt Queue.QueueName
        - Statement:
            - Effect: Allow
              Action: dynamodb:GetItem
              Resource: !GetAtt Table.Arn
  ServiceRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Service: lambda.amazonaws.com
            Action: sts:AssumeRole
      Policies:
        - PolicyName: access
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action:
                  - s3:GetObject
                  - s3:PutObject
                Resource: !Sub "\${Bucket.Arn}/*"
              - Effect: Allow
                Action: sqs:SendMessage
                Resource: !GetAtt Queue.Arn
              - Effect: Allow
                Action: sns:Publish
                Resource: !Ref Topic
  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Sid: DenyInsecureTransport
            Effect: Deny
            Principal: "*"
            Action: s3:*
            Resource:
              - !GetAtt Bucket.Arn
              - !Sub "\${Bucket.Arn}/*"
            Condition:
              Bool:
                aws:SecureTransport: "false"
          - Sid: PartnerRead
            Effect: Allow
            Principal:
              AWS: !Sub "arn:aws:iam::\${TrustedAccount}:root"
            Action: s3:GetObject
            Resource: !Sub "arn:\${AWS::Partition}:s3:::\${Bucket}/*"
  BucketMayInvoke:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !Ref Worker
      Action: lambda:InvokeFunction
      Principal: s3.amazonaws.com
      SourceAccount: !Ref AWS::AccountId
      SourceArn: !GetAtt Bucket.Arn
  OfficeApi:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: office-only
      Policy:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: execute-api:Invoke
            Resource: execute-api:/*
            Condition:
              IpAddress:
                aws:SourceIp: 192.0.2.0/24
Outputs:
  QueueArn:
    Value: !GetAtt Queue.Arn
`;

export { PLANTED_TEMPLATES, plantedLines } from './templatePlanted.mjs';
