package dev.precis.ingest;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Decides which resolved addresses the fetcher may connect to. A URL from a feed or a user must not
 * reach the machine itself, its local network or a cloud metadata service (server-side request
 * forgery), so these are refused unless private addresses are allowed explicitly: unspecified,
 * loopback, private (RFC 1918), CGNAT (100.64/10), link-local (incl. the metadata address
 * 169.254.169.254), IETF protocol (192.0.0/24), benchmarking, documentation, multicast, reserved
 * and broadcast IPv4 addresses; IPv6 loopback, link-local, site-local, unique-local (fc00::/7,
 * incl. AWS's fd00:ec2::254), multicast and documentation addresses; and IPv6 forms that embed an
 * IPv4 address (mapped, compatible, NAT64, 6to4, Teredo) are judged by the IPv4 address inside.
 */
public final class AddressPolicy {
  private static final Set<String> METADATA_HOSTS =
      Set.of(
          "metadata.google.internal",
          "metadata.goog",
          "metadata",
          "instance-data",
          "instance-data.ec2.internal");

  private AddressPolicy() {}

  /** Why a host name is refused before resolution (cloud metadata names), or {@code null}. */
  public static String refusalReason(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    return METADATA_HOSTS.contains(h) ? "a cloud metadata host" : null;
  }

  /**
   * Why an address is refused, as a phrase ("a loopback address"), or {@code null} when it is a
   * public address.
   */
  public static String refusalReason(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return ipv4Reason(b);
    }
    if (address instanceof Inet6Address) {
      return ipv6Reason(b);
    }
    return "an unknown kind of address";
  }

  private static String ipv4Reason(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    int a2 = b[2] & 0xff;
    int a3 = b[3] & 0xff;
    if (a0 == 0) {
      return a1 == 0 && a2 == 0 && a3 == 0 ? "an unspecified address" : "a 'this network' address";
    }
    if (a0 == 127) {
      return "a loopback address";
    }
    if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
      return "a private address";
    }
    if (a0 == 100 && (a1 & 0xc0) == 64) {
      return "a carrier-grade NAT (CGNAT) address";
    }
    if (a0 == 169 && a1 == 254) {
      return a2 == 169 && a3 == 254 ? "a cloud metadata address" : "a link-local address";
    }
    if (a0 == 192 && a1 == 0 && a2 == 0) {
      return "an IETF protocol address"; // incl. 192.0.0.192, Oracle Cloud's metadata service
    }
    if (a0 == 198 && (a1 & 0xfe) == 18) {
      return "a benchmarking address";
    }
    if ((a0 == 192 && a1 == 0 && a2 == 2)
        || (a0 == 198 && a1 == 51 && a2 == 100)
        || (a0 == 203 && a1 == 0 && a2 == 113)) {
      return "a documentation address";
    }
    if (a0 >= 224 && a0 <= 239) {
      return "a multicast address";
    }
    if (a0 >= 240) {
      return a0 == 255 && a1 == 255 && a2 == 255 && a3 == 255
          ? "a broadcast address"
          : "a reserved address";
    }
    return null;
  }

  private static String ipv6Reason(byte[] b) {
    boolean zeroFirst10 = true;
    for (int i = 0; i < 10; i++) {
      zeroFirst10 &= b[i] == 0;
    }
    if (zeroFirst10 && b[10] == 0 && b[11] == 0) {
      boolean zeroRest = b[12] == 0 && b[13] == 0 && b[14] == 0;
      if (zeroRest && b[15] == 0) {
        return "an unspecified address";
      }
      if (zeroRest && b[15] == 1) {
        return "a loopback address";
      }
      return embedded(b, 12, "an IPv4-compatible IPv6 address"); // ::a.b.c.d
    }
    if (zeroFirst10 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      return embedded(b, 12, "an IPv4-mapped IPv6 address"); // ::ffff:a.b.c.d
    }
    int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
    int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    if (w0 == 0x0064 && w1 == 0xff9b) {
      return embedded(b, 12, "a NAT64 address"); // 64:ff9b::a.b.c.d
    }
    if (w0 == 0x2002) {
      return embedded(b, 2, "a 6to4 address"); // 2002:aabb:ccdd::
    }
    if (w0 == 0x2001 && w1 == 0x0000) {
      byte[] v4 = new byte[4];
      for (int i = 0; i < 4; i++) {
        v4[i] = (byte) ~b[12 + i]; // Teredo stores the client address inverted
      }
      return embedded(v4, 0, "a Teredo address");
    }
    if (w0 == 0x2001 && w1 == 0x0db8) {
      return "a documentation address";
    }
    if ((w0 & 0xffc0) == 0xfe80) {
      return "a link-local address";
    }
    if ((w0 & 0xffc0) == 0xfec0) {
      return "a site-local (private) address";
    }
    if ((w0 & 0xfe00) == 0xfc00) {
      return w0 == 0xfd00 && w1 == 0x0ec2
          ? "a cloud metadata address"
          : "a unique-local (private) address";
    }
    if ((w0 & 0xff00) == 0xff00) {
      return "a multicast address";
    }
    if (w0 == 0x0100 && w1 == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0) {
      return "a discard-only address";
    }
    return null;
  }

  private static String embedded(byte[] b, int from, String kind) {
    byte[] v4 = new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]};
    String inner = ipv4Reason(v4);
    if (inner == null) {
      return null;
    }
    try {
      return kind + " of " + InetAddress.getByAddress(v4).getHostAddress() + ", " + inner;
    } catch (UnknownHostException impossible) {
      return kind + " of " + inner;
    }
  }
}
