package dev.precis.ingest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * The fetcher's only DNS lookup. Jetty asks it for the addresses of every new connection; it
 * resolves the host once, checks every address with {@link AddressPolicy} and hands Jetty exactly
 * the checked addresses, so the socket connects to what was checked and a second DNS answer cannot
 * rebind the name to a private address (no time-of-check to time-of-use gap). TLS still verifies
 * the certificate against the host name, which Jetty takes from the URL, not from here.
 *
 * <p>A host named by {@code --allow-host} (name or address, optionally with its port) passes; with
 * {@code --allow-private} every address does.
 */
final class CheckedResolver implements SocketAddressResolver {
  /** Name service: the system's, or a test's that answers differently each time. */
  interface Lookup {
    InetAddress[] addresses(String host) throws UnknownHostException;
  }

  private final FetchOptions options;
  private final Lookup dns;

  CheckedResolver(FetchOptions options, Lookup dns) {
    this.options = options;
    this.dns = dns;
  }

  @Override
  public void resolve(
      String host,
      int port,
      Map<String, Object> context,
      Promise<List<InetSocketAddress>> promise) {
    List<InetSocketAddress> checked;
    try {
      checked = resolve(host, port);
    } catch (Refused | Unresolved e) {
      promise.failed(e);
      return;
    }
    promise.succeeded(checked);
  }

  /** The checked addresses of {@code host}, or {@link Refused} / {@link Unresolved}. */
  List<InetSocketAddress> resolve(String rawHost, int port) {
    String host = rawHost.toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    boolean hostAllowed = options.allowPrivate() || allowedHost(host, port);
    if (!hostAllowed) {
      String nameReason = AddressPolicy.refusalReason(host);
      if (nameReason != null) {
        throw new Refused(host, nameReason);
      }
    }
    InetAddress[] all;
    try {
      all = dns.addresses(host);
    } catch (UnknownHostException | SecurityException e) {
      throw new Unresolved(host);
    }
    List<InetSocketAddress> addresses = new ArrayList<>(all.length);
    for (InetAddress address : all) {
      // one refused address refuses the host: a name that mixes public and private answers is
      // either misconfigured or an attack on this check
      String reason = hostAllowed ? null : AddressPolicy.refusalReason(address);
      if (reason != null && !allowedHost(address.getHostAddress(), port)) {
        String ip = address.getHostAddress();
        throw new Refused(isLiteral(host) ? ip : host + " (" + ip + ")", reason);
      }
      addresses.add(new InetSocketAddress(address, port));
    }
    return addresses;
  }

  /** True when {@code --allow-host} names this host (name or address), with or without port. */
  private boolean allowedHost(String host, int port) {
    Set<String> allowed = options.allowedHosts();
    if (allowed.isEmpty()) {
      return false;
    }
    String bracketed = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return allowed.contains(host)
        || allowed.contains(bracketed)
        || allowed.contains(bracketed + ":" + port);
  }

  private static boolean isLiteral(String host) {
    return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
  }

  /** A host or address the policy refuses: {@code who} is "host (ip)" or the bare address. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String who;
    final String reason;

    Refused(String who, String reason) {
      super(who + " is " + reason, null, false, false);
      this.who = who;
      this.reason = reason;
    }
  }

  /** A host name DNS does not know. */
  static final class Unresolved extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String host;

    Unresolved(String host) {
      super("cannot resolve host " + host, null, false, false);
      this.host = host;
    }
  }
}
