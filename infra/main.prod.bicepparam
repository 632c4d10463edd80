// Production: one always-ready instance for the HTTP group, so the API answers the team's tools without a cold start;
// orchestrations and the blob trigger start on demand (a delivery waits a few seconds, nobody is waiting on it).
// Zone-redundant storage, deleted deliveries recoverable for 90 days, 90 days of logs.
using 'main.bicep'

param environmentName = 'prod'

param apiClientId = readEnvironmentVariable('QUALITY_API_CLIENT_ID')

param deployEventSubscription = bool(readEnvironmentVariable('QUALITY_DEPLOY_EVENT_SUBSCRIPTION', 'false'))

param instanceMemoryMB = 2048
param maximumInstanceCount = 100
param alwaysReady = [
  {
    name: 'http'
    instanceCount: 1
  }
]

param storageSku = 'Standard_ZRS'
param deletedRetentionDays = 90
param logRetentionDays = 90
