/*
 * Reference DTMF receiver for the comparison test: feeds a raw 8 kHz signed 16-bit little-endian file
 * to spandsp's dtmf_rx (default settings) and prints the digits found, one line, then a newline.
 * Built by DtmfComparisonTest with: gcc -O2 -o target/spandsp_dtmf_rx spandsp_dtmf_rx.c -lspandsp
 */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <inttypes.h>
#include <spandsp.h>

static char found[4096];
static size_t nfound;

static void on_digits(void *user_data, const char *digits, int len)
{
    (void) user_data;
    for (int i = 0; i < len && nfound + 1 < sizeof(found); i++)
        found[nfound++] = digits[i];
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE.raw\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (f == NULL) {
        perror(argv[1]);
        return 1;
    }
    dtmf_rx_state_t *rx = dtmf_rx_init(NULL, on_digits, NULL);
    int16_t buf[160];
    size_t n;
    while ((n = fread(buf, sizeof(int16_t), 160, f)) > 0)
        dtmf_rx(rx, buf, (int) n);
    /* a little trailing silence so a digit at the very end is reported */
    memset(buf, 0, sizeof(buf));
    for (int i = 0; i < 10; i++)
        dtmf_rx(rx, buf, 160);
    fclose(f);
    found[nfound] = '\0';
    printf("%s\n", found);
    return 0;
}
