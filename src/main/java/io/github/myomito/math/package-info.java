/** Small numerical building blocks shared by the algorithm packages (closed-form eigenvalues). */
package io.github.myomito.math;
