// The subscription that turns a blob landing under incoming/ into an invocation of OnBatchArrived: BlobCreated
// only (an upload is complete when its last block is committed; deletions and other events are not deliveries),
// sent to the blob extension's webhook with its system key.

param systemTopicName string

param functionAppName string

param storageAccountId string

param deadLetterContainerName string

// The function behind the blob trigger, as the host names it.
var triggerFunctionName = 'Host.Functions.OnBatchArrived'

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

// The host's keys, through listKeys on its resource id: the type library has no type for Microsoft.Web/sites/host.
var hostKeys = listKeys('${functionApp.id}/host/default', '2025-03-01')

resource blobCreated 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: 'incoming-blob-created'
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/incoming/'
      isSubjectCaseSensitive: true
    }
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=${triggerFunctionName}&code=${hostKeys.systemKeys.blobs_extension}'
      }
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storageAccountId
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
}
