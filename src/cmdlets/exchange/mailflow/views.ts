// Views of the lab's mail-flow objects: the delivery report (one row per message) and its hops.

import { registerView } from '../../../format/views.js';

export const DELIVERY_REPORT_TYPE = 'Emsh.Lab.MessageDeliveryReport';
export const MESSAGE_HOP_TYPE = 'Emsh.Lab.MessageHop';
export const EDGESYNC_RESULT_TYPE = 'Microsoft.Exchange.EdgeSync.Common.Internal.EdgeSyncResult';
export const EDGESYNC_TEST_TYPE = 'Microsoft.Exchange.Management.EdgeSync.SyncStatus';
export const UM_TEST_TYPE = 'Emsh.Lab.UMConnectivityResult';

registerView({
  typeName: DELIVERY_REPORT_TYPE,
  shape: 'table',
  table: {
    columns: [
      { label: 'Status', property: 'Status', width: 9 },
      { label: 'To', property: 'To' },
      { label: 'Route', property: 'Route' },
    ],
  },
});

registerView({
  typeName: MESSAGE_HOP_TYPE,
  shape: 'table',
  table: {
    columns: [
      { label: 'Hop', property: 'Hop', alignment: 'Right', width: 3 },
      { label: 'Source', property: 'Source' },
      { label: 'Target', property: 'Target' },
      { label: 'Tls', property: 'Tls' },
      { label: 'CertificateThumbprint', property: 'CertificateThumbprint', width: 40 },
      { label: 'Validation', property: 'Validation' },
    ],
  },
});

registerView({
  typeName: EDGESYNC_RESULT_TYPE,
  shape: 'table',
  table: {
    columns: [
      { label: 'Result', property: 'Result' },
      { label: 'Type', property: 'Type' },
      { label: 'Name', property: 'Name' },
      { label: 'FailureDetails', property: 'FailureDetails' },
    ],
  },
});

registerView({
  typeName: UM_TEST_TYPE,
  shape: 'table',
  table: {
    columns: [
      { label: 'Peer', property: 'Peer' },
      { label: 'Mode', property: 'Mode' },
      { label: 'Result', property: 'Result' },
      { label: 'Thumbprint', property: 'Thumbprint', width: 40 },
      { label: 'Detail', property: 'Detail' },
    ],
  },
});


export const QUEUE_TYPE = 'Microsoft.Exchange.Data.QueueViewer.ExtensibleQueueInfo';
export const TRACKING_EVENT_TYPE = 'Microsoft.Exchange.Management.TransportLogSearchTasks.MessageTrackingEvent';

registerView({
  typeName: QUEUE_TYPE,
  shape: 'table',
  table: {
    columns: [
      { label: 'Identity', property: 'Identity' },
      { label: 'DeliveryType', property: 'DeliveryType' },
      { label: 'Status', property: 'Status' },
      { label: 'MessageCount', property: 'MessageCount', alignment: 'Right' },
      { label: 'NextHopDomain', property: 'NextHopDomain' },
    ],
  },
});

registerView({
  typeName: TRACKING_EVENT_TYPE,
  shape: 'table',
  table: {
    columns: [
      { label: 'EventId', property: 'EventId' },
      { label: 'Source', property: 'Source' },
      { label: 'Sender', property: 'Sender' },
      { label: 'Recipients', property: 'Recipients' },
      { label: 'MessageSubject', property: 'MessageSubject' },
    ],
  },
});
