using System.Security.Cryptography;
using System.Text;
using CreatioIdentity.Configuration;

namespace CreatioIdentity.Tests.Configuration;

public sealed class SecretMaskerTests
{
    /// <summary>Secrets with every character that an encoding changes: quote, backslash, plus, slash, ampersand, angle brackets, apostrophe, space, non-ASCII, an emoji.</summary>
    private static readonly string[] Values =
    [
        "Pa\"ss\\wo+rd/&<x> é",
        "c'lient sécret+/=&amp;€😀",
        "Sandbox-Supervisor-1",
    ];

    public static TheoryData<string> Secrets { get; } = [.. Values];

    public static TheoryData<string, string> SecretsAndSpellings
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var secret in Values)
            {
                foreach (var spelling in SecretSpellings.All.Keys)
                {
                    data.Add(secret, spelling);
                }
            }

            return data;
        }
    }

    public sealed class TheMaskMethod
    {
        [Theory]
        [MemberData(nameof(SecretsAndSpellings), MemberType = typeof(SecretMaskerTests))]
        public void Should_Mask_Every_Spelling_Of_A_Secret(string secret, string spelling)
        {
            // Given
            var masker = new SecretMasker();
            masker.Add(secret);
            var quoted = SecretSpellings.All[spelling](secret);

            // When
            var masked = masker.Mask($"Creatio said: {quoted} (end)");

            // Then
            Assert.Equal("Creatio said: *** (end)", masked);
        }

        [Theory]
        [MemberData(nameof(Secrets), MemberType = typeof(SecretMaskerTests))]
        public void Should_Mask_A_Secret_Base64d_Wherever_It_Starts_In_A_Longer_Text(string secret)
        {
            // Given
            var masker = new SecretMasker();
            masker.Add(secret);
            var bytes = Encoding.UTF8.GetBytes(secret);

            for (var before = 0; before < 6; before++)
            {
                for (var after = 0; after < 3; after++)
                {
                    // When: a request or a header with the secret inside, base64'd whole, standard and URL-safe
                    byte[] text = [.. RandomNumberGenerator.GetBytes(before), .. bytes, .. RandomNumberGenerator.GetBytes(after)];
                    var standard = masker.Mask("dump " + Convert.ToBase64String(text) + " end");
                    var urlSafe = masker.Mask("dump " + System.Buffers.Text.Base64Url.EncodeToString(text) + " end");

                    // Then
                    Assert.False(Base64Search.Contains(standard, bytes), $"{before} bytes before, {after} after: {standard}");
                    Assert.False(Base64Search.Contains(urlSafe, bytes), $"{before} bytes before, {after} after: {urlSafe}");
                }
            }
        }

        [Fact]
        public void Should_Mask_A_Secret_That_Contains_Another_Whole()
        {
            // Given
            var masker = new SecretMasker();
            masker.Add("abc", "abcdef");

            // When
            var masked = masker.Mask("value abcdef");

            // Then
            Assert.Equal("value ***", masked);
        }

        [Fact]
        public void Should_Mask_A_Multi_Line_Secret_Whichever_Line_Ending_Comes_Back()
        {
            // Given
            var masker = new SecretMasker();
            masker.Add("-----BEGIN KEY-----\nAbCd\n-----END KEY-----");

            // When
            var masked = masker.Mask("key: -----BEGIN KEY-----\r\nAbCd\r\n-----END KEY-----");

            // Then
            Assert.Equal("key: ***", masked);
        }

        [Fact]
        public void Should_Leave_Text_Without_A_Secret_As_It_Is()
        {
            // Given
            var masker = new SecretMasker();
            masker.Add("Pa\"ss\\wo+rd/&<x> é", "sandbox-client-secret-1");
            const string Text = "Creatio answered HTTP 500: {\"Message\":\"Internal error\"} at https://creatio.example.com/0/rest/x?y=%20";

            // When
            var masked = masker.Mask(Text);

            // Then
            Assert.Same(Text, masked);
        }
    }

    public sealed class TheAddMethod
    {
        [Fact]
        public void Should_Mask_A_Short_Secret_Itself_But_Not_Its_Base64_Fragments_Shorter_Than_Six()
        {
            // Given
            var masker = new SecretMasker();

            // When
            masker.Add("abcd");

            // Then: the secret and its whole base64 (8 characters) are masked; "YWJjZ", its first five
            // base64 characters in a longer text, would cut holes into unrelated ids
            Assert.Equal("*** ***", masker.Mask("abcd YWJjZA=="));
            Assert.Equal("id YWJjZx", masker.Mask("id YWJjZx"));
            Assert.All(SecretForms.Of("abcd").Skip(1), form => Assert.True(form.Length >= SecretForms.MinimumLength, form));
        }

        [Fact]
        public void Should_Ignore_Empty_And_Null_Values()
        {
            // Given
            var masker = new SecretMasker();

            // When
            masker.Add(string.Empty, null);

            // Then
            Assert.Equal("nothing to mask", masker.Mask("nothing to mask"));
        }
    }
}
