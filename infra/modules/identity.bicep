// The app's user-assigned managed identity and the only roles it holds. It is created before the app, so its
// roles can be in place before the first start, and it outlives a redeployed app.
//
// Data roles on the storage account, the set the Functions documentation names for what this app runs:
// - Storage Blob Data Owner: host storage (AzureWebJobsStorage) and the blob trigger; it also allows
//   generateUserDelegationKey, which the app needs to hand out upload SAS URLs, and covers the Flex Consumption
//   deployment container (which needs Storage Blob Data Contributor).
// - Storage Queue Data Contributor: the blob trigger's internal queues and poison queue, and the Durable task hub's
//   control and work-item queues.
// - Storage Table Data Contributor: the Durable task hub's history and instances tables, and the app's own tables.
// Not granted: Storage Account Contributor, which the blob trigger documentation adds for the polling trigger's
// storage logging; this app's trigger uses the Event Grid source, and that role could list the account keys.
//
// Monitoring Metrics Publisher on the Application Insights component: with local authentication off, ingestion
// accepts only Entra ID tokens, and this role is what lets the identity send telemetry.

param identityName string

param location string

param storageAccountName string

param applicationInsightsName string

param tags object

// Built-in role definition ids (the same in every tenant).
var roleIds = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

var storageRoleIds = [
  roleIds.storageBlobDataOwner
  roleIds.storageQueueDataContributor
  roleIds.storageTableDataContributor
]

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: identityName
  location: location
  tags: tags
}

resource storageAccount 'Microsoft.Storage/storageAccounts@2026-09-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource storageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoleIds: {
    name: guid(storageAccount.id, appIdentity.id, roleId)
    scope: storageAccount
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: appIdentity.properties.principalId
      // Set, so the assignment does not wait for the new principal to replicate through the directory.
      principalType: 'ServicePrincipal'
    }
  }
]

resource metricsPublisherAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appIdentity.id, roleIds.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      roleIds.monitoringMetricsPublisher
    )
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

output identityId string = appIdentity.id
output clientId string = appIdentity.properties.clientId
output principalId string = appIdentity.properties.principalId
