package org.tollgate.gateway.wiring;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.system.PassthroughCommand;

/**
 * The local address RADIUS requests are sent from, as IOS derives it from
 * {@code ip radius source-interface NAME}: the primary {@code ip address} of the configured
 * {@code interface NAME} block. The interface blocks are otherwise kept without effect (the gateway
 * does not manage interfaces), so the address is used only when this machine really has it; otherwise
 * the requests go out from the address the operating system picks, and a warning says why.
 */
public final class RadiusSourceAddress {
    private static final Logger LOG = LoggerFactory.getLogger(RadiusSourceAddress.class);

    private RadiusSourceAddress() {}

    /** The source address for {@code config}, or empty when none is configured or usable. */
    public static Optional<InetAddress> of(GatewayConfig config) {
        Optional<String> name = config.radius().sourceInterface();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> address = interfaceAddress(config, name.get());
        if (address.isEmpty()) {
            LOG.warn("ip radius source-interface {}: no 'interface {}' with an 'ip address' in the configuration;"
                    + " RADIUS requests use the system's source address", name.get(), name.get());
            return Optional.empty();
        }
        try {
            InetAddress a = InetAddress.getByName(address.get());
            if (NetworkInterface.getByInetAddress(a) == null) {
                LOG.warn("ip radius source-interface {}: {} is not an address of this machine;"
                        + " RADIUS requests use the system's source address", name.get(), address.get());
                return Optional.empty();
            }
            return Optional.of(a);
        } catch (UnknownHostException | SocketException e) {
            LOG.warn("ip radius source-interface {}: {} unusable ({}); RADIUS requests use the system's source address",
                    name.get(), address.get(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The first {@code ip address A M} under {@code interface NAME} (names compared case-insensitively). */
    static Optional<String> interfaceAddress(GatewayConfig config, String name) {
        String header = ("interface " + name).toLowerCase(Locale.ROOT);
        for (PassthroughCommand c : config.passthrough()) {
            if (c.section() != PassthroughCommand.Section.INTERFACE
                    || !c.line().toLowerCase(Locale.ROOT).equals(header)) {
                continue;
            }
            for (String child : c.children()) {
                String[] w = child.trim().split("\\s+");
                if (w.length >= 3 && w[0].equals("ip") && w[1].equals("address") && !child.contains("secondary")) {
                    return Optional.of(w[2]);
                }
            }
        }
        return Optional.empty();
    }
}
