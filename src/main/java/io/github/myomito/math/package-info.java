/** Small numerical building blocks shared by the algorithm packages (closed-form eigenvalues, order statistics by selection). */
package io.github.myomito.math;
