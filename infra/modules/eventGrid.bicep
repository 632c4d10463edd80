// Event Grid on the storage account: a system topic for its events, and, in the second stage, the subscription that
// delivers BlobCreated under incoming/ to the blob trigger (OnBatchArrived, Source = EventGrid).
//
// Why two stages: the subscription's endpoint is the blob extension's webhook with the blobs_extension system key,
// and that key exists only once the host has started with the app's code (the blob extension creates it); Event Grid
// also validates a webhook when the subscription is created, which only the running extension answers. So the first
// deployment creates everything else, the code is deployed, and the same deployment runs again with
// deployEventSubscription = true (docs/deploy.md).
//
// Events Event Grid cannot deliver within its retry window (30 attempts, 24 hours) are written to a dead-letter
// container with the topic's own identity: a delivery whose event was lost would otherwise never be audited.

param systemTopicName string

param location string

param storageAccountName string

param deadLetterContainerName string

@description('Create the BlobCreated subscription (second stage, after the code is deployed).')
param deployEventSubscription bool

param functionAppName string

param tags object

// Storage Blob Data Contributor: lets the topic write dead-lettered events, on that container only.
var storageBlobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource storageAccount 'Microsoft.Storage/storageAccounts@2026-09-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource deadLetterContainer 'containers' existing = {
      name: deadLetterContainerName
    }
  }
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: systemTopicName
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: storageAccount.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource deadLetterWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storageAccount::blobService::deadLetterContainer.id, systemTopic.id, storageBlobDataContributorRoleId)
  scope: storageAccount::blobService::deadLetterContainer
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      storageBlobDataContributorRoleId
    )
    principalId: systemTopic.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// A module, not a conditional resource: its listKeys call on the app's host is then not evaluated at all in the
// first stage, when the key does not exist yet.
module blobCreatedSubscription 'blobCreatedSubscription.bicep' = if (deployEventSubscription) {
  name: 'blobCreatedSubscription'
  params: {
    systemTopicName: systemTopic.name
    functionAppName: functionAppName
    storageAccountId: storageAccount.id
    deadLetterContainerName: deadLetterContainerName
  }
  dependsOn: [
    // The topic's identity must be able to write dead letters before the subscription names that container.
    deadLetterWriter
  ]
}

output systemTopicName string = systemTopic.name
