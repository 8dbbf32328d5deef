package io.controlautogeneracion.catalog.config;

import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.controlautogeneracion.catalog.device.InstalledDevice;
import io.controlautogeneracion.catalog.error.Problem;
import io.controlautogeneracion.catalog.error.Violation;
import io.controlautogeneracion.catalog.importing.ImportReport;
import io.controlautogeneracion.catalog.importing.ImportRow;
import io.controlautogeneracion.catalog.install.InstallRequest;
import io.controlautogeneracion.catalog.install.InstallResult;
import io.controlautogeneracion.catalog.relation.MoveRequest;
import io.controlautogeneracion.catalog.rest.Page;
import io.controlautogeneracion.catalog.store.IdIndex;
import io.controlautogeneracion.model.catalog.AlarmThresholds;
import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.ClientRelHistory;
import io.controlautogeneracion.model.catalog.Device;
import io.controlautogeneracion.model.catalog.DeviceKinds;
import io.controlautogeneracion.model.catalog.Element;
import io.controlautogeneracion.model.catalog.Enrichment;
import io.controlautogeneracion.model.catalog.Panel;
import io.controlautogeneracion.model.catalog.SensorLight;
import io.controlautogeneracion.model.catalog.SensorWind;
import io.controlautogeneracion.model.time.IsoJson;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Registers for Jackson in a native image the catalog documents (model module, read by the SDK-side
 * mapper) and the bodies that travel inside {@code Response} or generics, which Quarkus does not
 * discover from resource signatures.
 */
@RegisterForReflection(
        targets = {
            Client.class,
            Element.class,
            AlarmThresholds.class,
            Device.class,
            Panel.class,
            SensorLight.class,
            SensorWind.class,
            ClientRel.class,
            ClientRelHistory.class,
            Enrichment.class,
            IdIndex.class,
            Problem.class,
            Violation.class,
            Page.class,
            InstalledDevice.class,
            InstallRequest.class,
            InstallResult.class,
            MoveRequest.class,
            ImportReport.class,
            ImportRow.class,
            IsoJson.DateReader.class,
            IsoJson.InstantOrDateReader.class,
            DeviceKinds.Reader.class,
            DeviceKinds.Writer.class,
            // Named by the model's @IsoDate / @IsoInstantOrDate; Jackson makes it by reflection.
            ToStringSerializer.class
        })
public final class DocumentReflection {
    private DocumentReflection() {}
}
