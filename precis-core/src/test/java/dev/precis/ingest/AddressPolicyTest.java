package dev.precis.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, a loopback address",
    "127.1.2.3, a loopback address",
    "0.0.0.0, an unspecified address",
    "10.1.2.3, a private address",
    "172.16.0.1, a private address",
    "172.31.255.255, a private address",
    "192.168.1.1, a private address",
    "100.64.0.1, a carrier-grade NAT (CGNAT) address",
    "100.100.100.200, a carrier-grade NAT (CGNAT) address",
    "169.254.169.254, a cloud metadata address",
    "169.254.1.1, a link-local address",
    "192.0.0.192, an IETF protocol address",
    "224.0.0.1, a multicast address",
    "255.255.255.255, a broadcast address",
    "::1, a loopback address",
    "::, an unspecified address",
    "fe80::1, a link-local address",
    "fc00::1, a unique-local (private) address",
    "fd12:3456::1, a unique-local (private) address",
    "fd00:ec2::254, a cloud metadata address",
    "ff02::1, a multicast address",
  })
  void refusesLocalAndSpecialAddresses(String ip, String reason) throws UnknownHostException {
    assertThat(AddressPolicy.refusalReason(InetAddress.getByName(ip))).isEqualTo(reason);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"::127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::", "2001:0:0:0:0:0:80ff:fefe"})
  void refusesIpv6FormsThatEmbedALocalIpv4Address(String ip) throws UnknownHostException {
    assertThat(AddressPolicy.refusalReason(InetAddress.getByName(ip))).contains(" of ");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "8.8.8.8",
        "1.1.1.1",
        "93.184.216.34",
        "172.32.0.1",
        "100.128.0.1",
        "2606:4700:4700::1111",
        "2a00:1450:4001::200e",
        "64:ff9b::808:808"
      })
  void allowsPublicAddresses(String ip) throws UnknownHostException {
    assertThat(AddressPolicy.refusalReason(InetAddress.getByName(ip))).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"metadata.google.internal", "METADATA.google.internal.", "metadata.goog"})
  void refusesMetadataHostNames(String host) {
    assertThat(AddressPolicy.refusalReason(host)).isEqualTo("a cloud metadata host");
  }

  @ParameterizedTest
  @ValueSource(strings = {"::ffff:127.0.0.1", "::ffff:10.0.0.1"})
  void ipv4MappedAddressesAreJudgedAsIpv4(String ip) throws UnknownHostException {
    // Java turns mapped IPv6 literals into IPv4 addresses; the policy sees the IPv4 address
    assertThat(AddressPolicy.refusalReason(InetAddress.getByName(ip))).isNotNull();
  }
}
